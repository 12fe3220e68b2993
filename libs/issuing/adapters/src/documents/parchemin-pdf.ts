import type { ParcheminDocument } from '@certif/issuing-application';
import { frenchDate, heading, holderLine, levelLine, line, rncpLine, writePdf } from './pdf-writer';

/** The parchemin (R11): holder, title, RNCP code, level, components, authority, number, check. */
export function renderParcheminPdf(document: ParcheminDocument): Promise<Buffer> {
  const { credential, title, authority, verificationUrl } = document;
  const { certification, specialization, components } = credential.content;
  return writePdf({ title: `Parchemin ${credential.number}` }, (doc) => {
    // A titre professionnel is a State diploma (R11); other certifiers issue in their own name.
    if (certification.kind === 'PROFESSIONAL_TITLE') heading(doc, 'RÉPUBLIQUE FRANÇAISE', 12);
    heading(doc, specialization ? 'Certificat complémentaire de spécialisation' : 'Parchemin', 26);
    doc.moveDown(0.5);
    line(doc, 'Décerné à', { size: 12 });
    line(doc, holderLine(document.holderName), { bold: true, size: 18 });
    doc.moveDown(0.5);
    line(
      doc,
      certification.kind === 'PROFESSIONAL_TITLE'
        ? 'Titre professionnel'
        : 'Certification professionnelle',
      { size: 12 },
    );
    line(doc, title, { bold: true, size: 16 });
    line(doc, `Code : ${certification.code}`);
    line(doc, rncpLine(certification.rncpCode));
    line(doc, levelLine(certification.level));
    if (components.length > 0) {
      doc.moveDown(0.5);
      line(doc, 'Composantes acquises', { bold: true });
      for (const c of components) {
        const via = c.viaCorrespondence ? ' (par correspondance)' : '';
        line(doc, `${c.code} — ${c.title} : acquis le ${frenchDate(c.acquiredOn)}${via}`, {
          size: 10,
        });
      }
    }
    doc.moveDown(0.8);
    line(doc, `Obtenu le ${frenchDate(credential.obtainedOn)}`, { bold: true });
    line(doc, `Délivré le ${frenchDate(credential.issuedOn)} par ${authority}`);
    line(doc, `Numéro : ${credential.number}`, { bold: true });
    line(doc, `Vérification : ${verificationUrl}`);
    line(doc, `Code de vérification : ${credential.verificationCode}`, { size: 9 });
    if (credential.status === 'REVOKED') {
      doc.moveDown(0.5);
      const on = credential.revokedAt
        ? ` le ${credential.revokedAt.toISOString().slice(0, 10)}`
        : '';
      doc.fillColor('#b00020');
      line(doc, `RÉVOQUÉ${on} : ce parchemin n'est plus valide.`, { bold: true, size: 14 });
      if (credential.revocationReason) line(doc, `Motif : ${credential.revocationReason}`);
      doc.fillColor('black');
    }
  });
}
