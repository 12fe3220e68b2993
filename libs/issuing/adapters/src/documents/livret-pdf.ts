import type { LivretDocument } from '@certif/issuing-application';
import type { LivretStatus } from '@certif/issuing-domain';
import {
  BLUE,
  frenchDate,
  holderLine,
  INK,
  levelLine,
  line,
  rncpLine,
  textAt,
  writePdf,
} from './pdf-writer';

const STATUS: Record<LivretStatus, string> = {
  IN_PROGRESS: 'en cours',
  COMPLETE: 'complet (parchemin délivré)',
  LAPSED: 'caduc (date limite de capitalisation dépassée)',
};

/** Columns of the acquired components' table: code, title, date, session. */
const COLUMNS = [
  { header: 'Code', width: 95 },
  { header: 'Composante', width: 140 },
  { header: 'Acquise le', width: 62 },
  { header: 'Session', width: 186 },
] as const;

function row(doc: PDFKit.PDFDocument, cells: string[], bold = false): void {
  const top = doc.y;
  let x = doc.page.margins.left;
  let bottom = top;
  cells.forEach((cell, i) => {
    const width = (COLUMNS[i] as { width: number }).width;
    bottom = Math.max(bottom, textAt(doc, cell, x, top, { width: width - 6, size: 9, bold }));
    x += width;
  });
  doc.x = doc.page.margins.left;
  doc.y = bottom + 4;
  doc
    .save()
    .lineWidth(0.3)
    .strokeColor('#999999')
    .moveTo(doc.page.margins.left, doc.y - 2)
    .lineTo(doc.page.width - doc.page.margins.right, doc.y - 2)
    .stroke()
    .restore();
}

/**
 * The livret de certification (R11), for a candidate in partial success: what is acquired, with
 * the date and the session of each component, what is still missing, and by when.
 */
export function renderLivretPdf(document: LivretDocument): Promise<Buffer> {
  const { certification } = document;
  return writePdf({ title: `Livret de certification ${certification.code}` }, (doc) => {
    if (certification.kind === 'PROFESSIONAL_TITLE') {
      line(doc, 'RÉPUBLIQUE FRANÇAISE', { bold: true, size: 12 });
      line(doc, "Ministère chargé de l'emploi", { size: 9 });
    } else {
      line(doc, certification.certifier.name, { bold: true, size: 12 });
    }
    doc.moveDown(0.5).fillColor(BLUE);
    line(doc, 'Livret de certification', { bold: true, size: 22, align: 'center' });
    doc.fillColor(INK);
    line(doc, `Titulaire : ${holderLine(document.holderName)}`, { bold: true, size: 14 });
    line(doc, `${certification.title} (${certification.code})`, { bold: true });
    line(
      doc,
      `${rncpLine(certification.rncpCode)} · Certificateur : ${certification.certifier.name}`,
    );
    line(doc, levelLine(certification.level), { size: 10 });
    line(doc, `Statut : ${STATUS[document.status]}`);
    line(
      doc,
      document.capitalizationDeadline
        ? `Date limite de capitalisation : ${frenchDate(document.capitalizationDeadline)} — les composantes manquantes sont à acquérir au plus tard à cette date`
        : 'Date limite de capitalisation : aucune à ce jour',
      { bold: true, size: 10 },
    );

    doc.moveDown(0.6);
    line(doc, 'Composantes acquises', { bold: true, size: 12 });
    if (document.acquired.length === 0) line(doc, 'Aucune', { size: 10 });
    else {
      row(
        doc,
        COLUMNS.map((c) => c.header),
        true,
      );
      for (const c of document.acquired) {
        const via = c.viaCorrespondence ? ' (par correspondance, révision du titre)' : '';
        row(doc, [c.code, `${c.title}${via}`, frenchDate(c.acquiredOn), c.sessionId ?? '—']);
      }
    }
    doc.moveDown(0.6);
    line(doc, 'Composantes restant à acquérir', { bold: true, size: 12 });
    if (document.missing.length === 0) line(doc, 'Aucune', { size: 10 });
    for (const c of document.missing) line(doc, `${c.code} — ${c.title}`, { size: 10 });
    doc.moveDown(1);
    line(doc, `Délivré par ${document.authority}`, { size: 10 });
    line(doc, `Édité le ${frenchDate(document.generatedOn)}`, { size: 9 });
  });
}
