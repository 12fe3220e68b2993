import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfReadBack {
  pages: number;
  /** Of the first page, in points: 842 × 595 is A4 landscape. */
  width: number;
  height: number;
  /** The text as poppler lays it out (pdftotext -layout). */
  text: string;
  /** What zbar decodes from the first page rendered at 150 dpi: the QR codes a phone would read. */
  qrCodes: string[];
}

function tool(name: string, args: string[]): string {
  try {
    return execFileSync(name, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number; stdout?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(
        `${name} is missing: apt-get install -y poppler-utils zbar-tools (.ci/run installs them)`,
      );
    }
    // zbarimg exits 4 when it finds no code: an empty answer, not a failure.
    if (name === 'zbarimg' && failure.status === 4) return '';
    throw error;
  }
}

/**
 * Reads a PDF back as a person would see it (tests): renders the first page to an image with
 * poppler and decodes its QR codes with zbar; the text by pdftotext.
 */
export function readPdfBack(pdf: Buffer): PdfReadBack {
  const folder = mkdtempSync(join(tmpdir(), 'pdf-read-back-'));
  try {
    const file = join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    const info = tool('pdfinfo', [file]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    const text = tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    tool('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, join(folder, 'page')]);
    const image = readdirSync(folder).find((name) => name.endsWith('.png'));
    if (!image) throw new Error('pdftoppm rendered no page');
    const decoded = tool('zbarimg', [
      '--quiet',
      '--raw',
      '-Sdisable',
      '-Sqrcode.enable',
      join(folder, image),
    ]);
    return {
      pages,
      width: Math.round(Number(size?.[1] ?? 0)),
      height: Math.round(Number(size?.[2] ?? 0)),
      text,
      qrCodes: decoded.split('\n').filter((lineText) => lineText.length > 0),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
