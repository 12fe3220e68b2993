import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CpfPassage } from '@certif/issuing-domain';
import { ADA_PASSAGE } from '@certif/issuing-domain/testing';
import { CpfFolderOutput, CpfXmlFluxWriter, type CpfWriterOptions } from './cpf-flux-writer';
import { cpfSchemaErrors } from './testing/cpf-schema-validation';

const header = {
  idFlux: 'OC123456-20260610120000-1-abcdef01',
  horodatage: '2026-06-10T12:00:00+00:00',
  certifier: { cpfClientId: 'OC123456', cpfContractId: 'MCFCER000123' },
};

function passage(
  overrides: Partial<CpfPassage['titulaire']> = {},
  rest: Partial<CpfPassage> = {},
): CpfPassage {
  return {
    ...ADA_PASSAGE,
    titulaire: { ...ADA_PASSAGE.titulaire, ...overrides },
    ...rest,
  };
}

async function write(passages: CpfPassage[], options: CpfWriterOptions = {}): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const writer = new CpfXmlFluxWriter(stream, header, options);
  await writer.certification({ type: 'RNCP', code: 'RNCP36912' });
  for (const p of passages.slice(0, 2)) await writer.passage(p);
  if (passages.length > 2) {
    await writer.certification({ type: 'RS', code: 'RS5487' });
    for (const p of passages.slice(2)) await writer.passage(p);
  }
  await writer.finish();
  return Buffer.concat(chunks).toString('utf8');
}

describe('the deposit file (Caisse des Dépôts schema 1.1.2)', () => {
  it('validates against the official schema, with every variant of a passage', async () => {
    const xml = await write([
      passage(),
      passage(
        {
          nomNaissance: 'Byron',
          nomUsage: 'Lovelace',
          codeInsee: null,
          codePostal: '69001',
          codePays: null,
          libellePays: null,
        },
        {
          idTechnique: 'RNCP36912-2026-000002',
          modaliteAcces: 'VAE',
          voieAccesVae: 'VAE_CLASSIQUE',
        },
      ),
      passage({ prenom1: 'Élodie & Zoé <test>', sexe: 'F' }, { idTechnique: 'RS5487-2026-000001' }),
    ]);
    expect(await cpfSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<cpf:idTechnique>RNCP36912-2026-000002</cpf:idTechnique>');
    expect(xml).toMatch(/<cpf:nomUsage[^>]* xsi:nil="true"\/>/);
    expect(xml).toMatch(/<cpf:dateFinValidite[^>]* xsi:nil="true"\/>/);
    expect(xml).toContain('Élodie &amp; Zoé &lt;test&gt;');
  });

  it('is caught by the schema when a value breaks it (the test can fail)', async () => {
    const xml = await write([passage({ codeInsee: '6912' })]);
    expect((await cpfSchemaErrors(xml)).join('\n')).toMatch(/codeInsee/);
  });

  it('keeps ready for 1.1.5: flux.action, SUPPRESSION to withdraw; refused in 1.1.2', async () => {
    const xml = await write([passage()], { schemaVersion: '1.1.5', action: 'SUPPRESSION' });
    expect(xml).toMatch(/<cpf:action[^>]*>SUPPRESSION<\/cpf:action>/);
    await expect(write([passage()], { action: 'SUPPRESSION' })).rejects.toThrow(/needs 1\.1\.5/);
  });
});

describe('deposit files in a folder', () => {
  it('an export with nothing to send leaves no file behind and raises no error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cpf-abort-'));
    try {
      const uncaught: unknown[] = [];
      const record = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', record);
      // The header is queued at once; the file's descriptor is not there yet.
      await new CpfFolderOutput(folder).open(header, 'nothing.xml').abort();
      await new Promise((resolve) => setTimeout(resolve, 100));
      process.off('uncaughtException', record);
      expect(uncaught).toEqual([]);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
