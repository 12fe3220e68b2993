import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RncpFiche } from '@certif/referentials-domain';
import { StagedRncpExport } from './staged-rncp-export';
import {
  exportOf,
  fileNameOf,
  writeExportFolder,
  writeExportZip,
  type CsvTable,
  type ExportTables,
} from './rncp-export.fixtures';

async function readAll(path: string, batchSize = 2) {
  const staged = await StagedRncpExport.read(path);
  try {
    const fiches: RncpFiche[] = [];
    const batches: number[] = [];
    for await (const batch of staged.batches(batchSize)) {
      batches.push(batch.length);
      fiches.push(...batch);
    }
    return { fiches, batches, staged };
  } finally {
    staged.close();
  }
}

describe('StagedRncpExport', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rncp-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tables: ExportTables = exportOf([
    {
      code: 'RNCP36912',
      title: 'Expert en développement logiciel; option "web"',
      blocs: [
        ['RNCP36912BC02', 'Concevoir'],
        ['RNCP36912BC01', 'Piloter'],
      ],
      certifiers: [
        ['49386136300080', 'OPENCLASSROOMS'],
        ['', 'Un co-certificateur'],
      ],
      older: 'RNCP31678',
    },
    { code: 'RNCP37873', title: 'Concepteur développeur d’applications', kind: 'TP' },
    { code: 'RNCP28754', title: 'Technicien développeur' },
  ]);

  it('reads a ZIP, joins the parts on Numero_Fiche and pages the fiches in code order', async () => {
    const zip = await writeExportZip(join(dir, 'export-fiches-csv-2026-11-30.zip'), tables);
    const { fiches, batches, staged } = await readAll(zip);
    expect(staged.ficheCount).toBe(3);
    expect(staged.ignoredParts).toEqual(['Partenaires']);
    expect(batches).toEqual([2, 1]);
    expect(fiches.map((f) => f.code)).toEqual(['RNCP28754', 'RNCP36912', 'RNCP37873']);
    expect(fiches[1]).toEqual({
      code: 'RNCP36912',
      standard: [
        {
          intitule: 'Expert en développement logiciel; option "web"',
          abregeLibelle: 'TIT',
          niveau: 'NIV6',
          dateDecision: '01/09/2023',
          dateEffet: '',
          dateFinEnregistrement: '01/09/2028',
          actif: 'ACTIVE',
        },
      ],
      blocs: [
        { code: 'RNCP36912BC02', title: 'Concevoir' },
        { code: 'RNCP36912BC01', title: 'Piloter' },
      ],
      romeCodes: ['M1805'],
      nsfCodes: ['326t'],
      formacodes: ['31054'],
      certifiers: [
        { siret: '49386136300080', name: 'OPENCLASSROOMS' },
        { siret: '', name: 'Un co-certificateur' },
      ],
      links: [{ older: 'RNCP31678', newer: '' }],
    });
  });

  it('reads a folder of the CSV files, with the part names in any case and accents', async () => {
    const folder = writeExportFolder(join(dir, 'csv'), {
      Standard: tables['Standard'] as CsvTable,
      BLOCS_DE_COMPETENCES: tables['Blocs_De_Compétences'] as CsvTable,
    });
    const { fiches } = await readAll(folder);
    expect(fiches.map((f) => f.blocs.length)).toEqual([1, 2, 1]);
  });

  it('keeps a bloc of a fiche absent from Standard as a fiche without Standard row', async () => {
    const folder = writeExportFolder(join(dir, 'csv'), {
      Standard: tables['Standard'] as CsvTable,
      Blocs_De_Compétences: {
        header: ['Numero_Fiche', 'Bloc_Competences_Code', 'Bloc_Competences_Libelle'],
        rows: [['RNCP99999', 'RNCP99999BC01', 'Orphelin']],
      },
    });
    const { fiches } = await readAll(folder, 10);
    expect(fiches.find((f) => f.code === 'RNCP99999')).toMatchObject({
      standard: [],
      blocs: [{ code: 'RNCP99999BC01', title: 'Orphelin' }],
    });
  });

  it('refuses what is not the RNCP export, saying why', async () => {
    writeFileSync(join(dir, fileNameOf('Rome')), 'Numero_Fiche;Codes_Rome_Code\r\nRNCP1;M1805\r\n');
    await expect(StagedRncpExport.read(dir)).rejects.toThrow(/no Standard part/);
    writeFileSync(join(dir, fileNameOf('Standard')), 'Code;Titre\r\nRNCP1;X\r\n');
    await expect(StagedRncpExport.read(dir)).rejects.toThrow(/no Numero_Fiche column/);
  });
});
