import { utcDateOf } from '@certif/platform-calendar';
import type { ParcheminDocument } from '@certif/issuing-application';
import {
  BLUE,
  frenchDate,
  holderLine,
  INK,
  levelLine,
  qrCode,
  RED,
  rncpLine,
  textAt,
  writePdf,
} from './pdf-writer';

/**
 * The parchemin (R11), a diploma on A4 landscape: the République française (a State title) or
 * the certifier at the head; the holder and their birth date; the title with its level, codes and
 * certifier; the date obtained and the issuing authority; the number and a QR code of the
 * verification page.
 */
export function renderParcheminPdf(document: ParcheminDocument): Promise<Buffer> {
  const { parchemin, title, authority, verificationUrl } = document;
  const { certification, specialization, components } = parchemin.content;
  const stateTitle = certification.kind === 'PROFESSIONAL_TITLE';
  // Placed by coordinates within the frame: a small margin keeps pdfkit from adding a page.
  const info = {
    title: `Parchemin ${parchemin.number}`,
    layout: 'landscape',
    margin: 20,
  } as const;
  return writePdf(info, (doc) => {
    const width = doc.page.width;
    const height = doc.page.height;
    const left = 60;
    const inner = width - 2 * left;

    doc
      .save()
      .lineWidth(3)
      .strokeColor(BLUE)
      .rect(24, 24, width - 48, height - 48)
      .stroke();
    doc
      .lineWidth(0.8)
      .rect(32, 32, width - 64, height - 64)
      .stroke()
      .restore();

    // Head: the State's marks for a titre professionnel, else the certifier's name.
    if (stateTitle) {
      textAt(doc, 'RÉPUBLIQUE', left, 50, { width: 200, size: 13, bold: true });
      textAt(doc, 'FRANÇAISE', left, doc.y, { width: 200, size: 13, bold: true });
      textAt(doc, 'Liberté\nÉgalité\nFraternité', left, doc.y + 2, { width: 200, size: 8 });
      textAt(doc, "Ministère chargé de l'emploi", left, doc.y + 4, { width: 220, size: 9 });
    } else {
      textAt(doc, certification.certifier.name, left, 50, { width: 300, size: 13, bold: true });
    }
    textAt(doc, 'Certificateur', width - left - 280, 50, { width: 280, size: 8, align: 'right' });
    textAt(doc, certification.certifier.name, width - left - 280, doc.y, {
      width: 280,
      size: 11,
      bold: true,
      align: 'right',
    });
    if (certification.certifier.siret) {
      textAt(doc, `SIRET ${certification.certifier.siret}`, width - left - 280, doc.y, {
        width: 280,
        size: 8,
        align: 'right',
      });
    }

    const kind = specialization
      ? 'CERTIFICAT COMPLÉMENTAIRE DE SPÉCIALISATION'
      : stateTitle
        ? 'TITRE PROFESSIONNEL'
        : 'CERTIFICATION PROFESSIONNELLE';
    doc.fillColor(BLUE);
    textAt(doc, kind, left, 128, { width: inner, size: 26, bold: true, align: 'center' });
    doc.fillColor(INK);
    textAt(doc, 'est délivré à', left, doc.y + 6, { width: inner, size: 11, align: 'center' });
    textAt(doc, holderLine(document.holderName), left, doc.y + 4, {
      width: inner,
      size: 22,
      bold: true,
      align: 'center',
    });
    const born = document.holderBirthDate
      ? `né(e) le ${frenchDate(document.holderBirthDate)}`
      : 'date de naissance non communiquée';
    textAt(doc, born, left, doc.y + 2, { width: inner, size: 11, align: 'center' });
    textAt(doc, 'pour avoir satisfait aux épreuves de', left, doc.y + 10, {
      width: inner,
      size: 10,
      align: 'center',
    });
    textAt(doc, title, left, doc.y + 4, { width: inner, size: 17, bold: true, align: 'center' });
    textAt(doc, levelLine(certification.level), left, doc.y + 4, {
      width: inner,
      size: 10,
      align: 'center',
    });
    textAt(
      doc,
      `Code : ${certification.code}   ·   ${rncpLine(certification.rncpCode)}   ·   Certificateur : ${certification.certifier.name}`,
      left,
      doc.y + 2,
      { width: inner, size: 10, align: 'center' },
    );
    if (components.length > 0) {
      const held = components
        .map(
          (c) =>
            `${c.code} (${frenchDate(c.acquiredOn)}${c.viaCorrespondence ? ', par correspondance' : ''})`,
        )
        .join('  ·  ');
      textAt(doc, `Composantes acquises : ${held}`, left + 40, doc.y + 8, {
        width: inner - 80,
        size: 8,
        align: 'center',
      });
    }

    // Foot: when and by whom (R11), the number; the verification QR code on the right.
    const qrSize = 104;
    const foot = height - 60 - qrSize;
    const footWidth = inner - qrSize - 40;
    textAt(doc, `Obtenu le ${frenchDate(parchemin.obtainedOn)}`, left, foot, {
      width: footWidth,
      size: 13,
      bold: true,
    });
    textAt(doc, `Délivré le ${frenchDate(parchemin.issuedOn)} par`, left, doc.y + 4, {
      width: footWidth,
      size: 10,
    });
    textAt(doc, authority, left, doc.y + 1, { width: footWidth, size: 10 });
    textAt(doc, `N° ${parchemin.number}`, left, doc.y + 8, {
      width: footWidth,
      size: 12,
      bold: true,
    });

    const qrX = width - left - qrSize;
    qrCode(doc, verificationUrl, qrX, foot - 14, qrSize);
    textAt(doc, 'Vérifier ce parchemin :', qrX - 120, foot + qrSize - 12, {
      width: qrSize + 120,
      size: 7,
      align: 'right',
    });
    textAt(doc, verificationUrl, qrX - 220, doc.y, {
      width: qrSize + 220,
      size: 7,
      align: 'right',
    });

    if (parchemin.status === 'REVOKED') {
      // Between the title and the foot, horizontal: text extraction and screen readers read it.
      const on = parchemin.revokedAt ? ` le ${frenchDate(utcDateOf(parchemin.revokedAt))}` : '';
      const reason = parchemin.revocationReason ? ` Motif : ${parchemin.revocationReason}` : '';
      const top = foot - 100;
      doc
        .save()
        .opacity(0.92)
        .rect(left + 60, top, inner - 120, 80)
        .fill('white')
        .restore();
      doc
        .save()
        .lineWidth(3)
        .strokeColor(RED)
        .rect(left + 60, top, inner - 120, 80)
        .stroke();
      doc.fillColor(RED);
      textAt(doc, `RÉVOQUÉ${on}`, left + 60, top + 8, {
        width: inner - 120,
        size: 30,
        bold: true,
        align: 'center',
      });
      textAt(doc, `Ce parchemin n'est plus valide.${reason}`, left + 70, doc.y + 2, {
        width: inner - 140,
        size: 11,
        align: 'center',
      });
      doc.restore();
    }
  });
}
