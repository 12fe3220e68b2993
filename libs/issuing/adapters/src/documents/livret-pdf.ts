import type { LivretDocument } from '@certif/issuing-application';
import type { LivretStatus } from '@certif/issuing-domain';
import { frenchDate, heading, holderLine, levelLine, line, rncpLine, writePdf } from './pdf-writer';

const STATUS: Record<LivretStatus, string> = {
  IN_PROGRESS: 'en cours',
  COMPLETE: 'complet (parchemin délivré)',
  LAPSED: 'caduc (date limite de capitalisation dépassée)',
};

/** The livret de certification (R11): what is acquired, with dates, and what is missing. */
export function renderLivretPdf(document: LivretDocument): Promise<Buffer> {
  const { certification } = document;
  return writePdf({ title: `Livret de certification ${certification.code}` }, (doc) => {
    heading(doc, 'Livret de certification', 22);
    line(doc, `Titulaire : ${holderLine(document.holderName)}`, { bold: true, size: 14 });
    line(doc, `${certification.title} (${certification.code})`, { bold: true });
    line(doc, rncpLine(certification.rncpCode));
    line(doc, levelLine(certification.level));
    line(doc, `Statut : ${STATUS[document.status]}`);
    line(
      doc,
      document.capitalizationDeadline
        ? `Date limite de capitalisation : ${frenchDate(document.capitalizationDeadline)}`
        : 'Date limite de capitalisation : aucune à ce jour',
    );
    doc.moveDown(0.5);
    line(doc, 'Composantes acquises', { bold: true });
    if (document.acquired.length === 0) line(doc, 'Aucune', { size: 10 });
    for (const c of document.acquired) {
      const via = c.viaCorrespondence ? ' (par correspondance, révision du titre)' : '';
      line(doc, `${c.code} — ${c.title} : acquis le ${frenchDate(c.acquiredOn)}${via}`, {
        size: 10,
      });
    }
    doc.moveDown(0.5);
    line(doc, 'Composantes restant à acquérir', { bold: true });
    if (document.missing.length === 0) line(doc, 'Aucune', { size: 10 });
    for (const c of document.missing) line(doc, `${c.code} — ${c.title}`, { size: 10 });
    doc.moveDown(0.8);
    line(doc, `Délivré par ${document.authority}`);
    line(doc, `Édité le ${frenchDate(document.generatedOn)}`, { size: 9 });
  });
}
