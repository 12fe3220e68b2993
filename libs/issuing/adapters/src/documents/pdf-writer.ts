import PDFDocument from 'pdfkit';
import type { LocalDate } from '@certif/platform-calendar';

/** "2024-01-10" → "10/01/2024", as French documents print dates. */
export function frenchDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** RNCP code when the source gives one; seeds 000–002 print none (DOMAIN.md). */
export function rncpLine(rncpCode: string | null): string {
  return `RNCP : ${rncpCode ?? 'non communiqué'}`;
}

export function levelLine(level: number): string {
  return `Niveau ${level} du cadre national des certifications professionnelles (niveau européen ${level})`;
}

/** What a holder line says when issuing does not know the name (or holds only a pseudonym, R13). */
export function holderLine(holderName: string | null): string {
  return holderName ?? 'Titulaire non communiqué';
}

/** Draws with pdfkit's built-in Helvetica (WinAnsi covers French) and collects the bytes. */
export function writePdf(
  info: { title: string },
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: info.title, Producer: 'certif issuing' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

export function heading(doc: PDFKit.PDFDocument, text: string, size = 20): void {
  doc.font('Helvetica-Bold').fontSize(size).text(text, { align: 'center' }).moveDown(0.5);
}

export function line(
  doc: PDFKit.PDFDocument,
  text: string,
  options: { bold?: boolean; size?: number } = {},
): void {
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(options.size ?? 11)
    .text(text)
    .moveDown(0.3);
}
