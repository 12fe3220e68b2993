import PDFDocument from 'pdfkit';
import { create as createQrCode } from 'qrcode';
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

export const INK = '#1b1b35';
export const BLUE = '#000091';
export const RED = '#c9191e';

/** Draws with pdfkit's built-in Helvetica (WinAnsi covers French) and collects the bytes. */
export function writePdf(
  info: { title: string; layout?: 'portrait' | 'landscape'; margin?: number },
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: info.layout ?? 'portrait',
      margin: info.margin ?? 56,
      lang: 'fr-FR',
      info: { Title: info.title, Producer: 'certif issuing' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.fillColor(INK);
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
  options: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {},
): void {
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(options.size ?? 11)
    .text(text, { align: options.align ?? 'left' })
    .moveDown(0.3);
}

/** Text in a box at a fixed place (layouts that are not a flow of lines). */
export function textAt(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  options: { width: number; size: number; bold?: boolean; align?: 'left' | 'center' | 'right' },
): number {
  doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.size);
  doc.text(text, x, y, { width: options.width, align: options.align ?? 'left' });
  return doc.y;
}

/**
 * A QR code as vector squares (sharp at any zoom, no image), with the four-module quiet zone
 * scanners need included in `size`.
 */
export function qrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('white');
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) {
        doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
      }
    }
  }
  doc.fill('black').restore();
}
