import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';

/** One CSV file of the export, opened as a stream when read: never the whole export in memory. */
export interface ExportFile {
  name: string;
  open(): Promise<Readable>;
}

export interface ExportFiles {
  files: ExportFile[];
  close(): void;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

/** The central directory only; each entry's data is inflated as a stream when opened. */
async function zipFiles(path: string): Promise<ExportFiles> {
  const zip = await openZip(path);
  const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) found.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    files: entries.map((entry) => ({
      name: entry.fileName,
      open: () =>
        new Promise<Readable>((resolve, reject) =>
          zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
        ),
    })),
    close: () => zip.close(),
  };
}

/** A ZIP as France Compétences publishes it, or a folder of its CSV files. */
export async function exportFiles(path: string): Promise<ExportFiles> {
  if ((await stat(path)).isDirectory()) {
    const names = (await readdir(path)).filter((name) => /\.csv$/i.test(name)).sort();
    return {
      files: names.map((name) => ({
        name,
        open: async () => createReadStream(join(path, name)),
      })),
      close: () => undefined,
    };
  }
  return zipFiles(path);
}
