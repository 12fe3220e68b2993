import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit with its standard fonts (tests, and checks that a document
 * carries no name after erasure): inflates each content stream and decodes its hex strings
 * (WinAnsi). One line per text-showing operator.
 */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const operation of content.match(/\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj/g) ?? []) {
      const hex = (operation.match(/<([0-9a-fA-F]*)>/g) ?? []).map((h) => h.slice(1, -1)).join('');
      lines.push(winAnsi(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

const WIN_ANSI_HIGH: Record<number, string> = {
  0x92: '’',
  0x96: '–',
  0x97: '—',
  0x9c: 'œ',
  0x80: '€',
  0x85: '…',
};

function winAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('');
}
