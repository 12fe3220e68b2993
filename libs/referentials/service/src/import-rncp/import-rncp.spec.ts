import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '@certif/platform-calendar';
import { OutboxMessageEntity } from '@certif/platform-events';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { TypeOrmCertificationRepository } from '@certif/referentials-adapters';
import {
  exportOf,
  writeExportFolder,
  writeExportZip,
  type FicheSpec,
} from '@certif/referentials-adapters/testing';
import type { CertificationState } from '@certif/referentials-contracts';
import { referentialsSchema } from '../referentials-schema';
import { importRncpExport } from './referentials-import';
import { runImportRncpCommand } from './import-rncp-command';

const clock = fixedClock('2026-11-30');

const FICHES: FicheSpec[] = [
  // A seed's code: made by hand, never overwritten.
  { code: 'RNCP36912', title: 'Expert en développement logiciel (RNCP)', level: 'NIV7' },
  { code: 'RNCP31678', title: 'Concepteur développeur (2018)', kind: 'TP', until: '01/09/2024' },
  {
    code: 'RNCP40000',
    title: 'Concepteur développeur d’applications',
    kind: 'TP',
    older: 'RNCP31678',
    blocs: [
      ['RNCP40000BC02', 'Concevoir et développer une application sécurisée organisée en couches'],
      ['RNCP40000BC01', 'Développer une application sécurisée'],
    ],
  },
  {
    code: 'RNCP40002',
    title: 'Administrateur systèmes et réseaux',
    level: 'NIV6',
    rome: ['M1801', 'H1208'],
    certifiers: [
      ['12345678900011', 'ÉCOLE A'],
      ['98765432100022', 'ÉCOLE B'],
    ],
    decision: '31/02/2023',
  },
  { code: 'RNCP40001', title: 'Sans niveau', level: '' },
];

interface Published {
  change: string;
  certification: CertificationState;
}

describeOnEachDatabase('importing the RNCP export', (dialect) => {
  let db: TestDatabase;
  let dir: string;
  let seen = 0;

  /** The events written since the last call, in order. */
  async function newEvents(): Promise<Published[]> {
    const rows = await db.dataSource.getRepository(OutboxMessageEntity).find();
    const all = rows
      .sort((a, b) => a.seq - b.seq)
      .map((row) => (row.envelope as unknown as { data: Published }).data);
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  }

  const run = (fiches: FicheSpec[], options: Parameters<typeof importRncpExport>[2] = {}) =>
    importRncpExport(
      db.dataSource,
      writeExportFolder(join(dir, String(Math.random())), exportOf(fiches)),
      { loadSeeds: true, batchSize: 2, ...options },
      clock,
    );

  beforeAll(async () => {
    db = await openTestDatabase(dialect, referentialsSchema);
    dir = mkdtempSync(join(tmpdir(), 'rncp-import-'));
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports new fiches, links versions, rejects and flags the rest; one event per change', async () => {
    const report = await run(FICHES);
    expect(report).toMatchObject({
      created: ['RNCP31678', 'RNCP40000', 'RNCP40002'],
      updated: [],
      unchanged: [],
      rejected: [{ code: 'RNCP40001', reason: expect.stringMatching(/no level/) }],
      ignoredParts: ['Partenaires'],
    });
    const flags = report.flags.map((f) => `${f.code} ${f.field}`);
    expect(flags).toEqual(
      expect.arrayContaining([
        '* defaults',
        'RNCP36912 code',
        'RNCP40000 revises',
        'RNCP40002 Date_Decision',
        'RNCP40002 certifier',
      ]),
    );
    const events = await newEvents();
    // The five seeds, then the batches of the import, then the link (both versions).
    expect(events.map((e) => `${e.change} ${e.certification.code}`)).toEqual([
      'PUBLISHED TP-DL',
      'PUBLISHED TP-CDA',
      'PUBLISHED TP-DWWM',
      'PUBLISHED RNCP28754',
      'PUBLISHED RNCP36912',
      'PUBLISHED RNCP31678',
      'PUBLISHED RNCP40000',
      'PUBLISHED RNCP40002',
      'REVISED RNCP31678',
      'REVISED RNCP40000',
    ]);
    const [older, newer] = events.slice(-2).map((e) => e.certification);
    expect(newer).toMatchObject({
      kind: 'PROFESSIONAL_TITLE',
      revisesId: older?.id,
      correspondences: [],
      status: 'ACTIVE',
    });
    expect(newer?.components.map((c) => [c.code, c.kind, c.position])).toEqual([
      ['RNCP40000BC01', 'CCP', 1],
      ['RNCP40000BC02', 'CCP', 2],
    ]);
    expect(older).toMatchObject({ revisedById: newer?.id, status: 'CLOSED' });
  });

  it('keeps the hand-made certification with the same code as it was', async () => {
    const seed = await new TypeOrmCertificationRepository(db.dataSource.manager).findByCode(
      'RNCP36912',
    );
    expect(seed).toMatchObject({ title: 'Expert en développement logiciel', importedFrom: null });
  });

  it('changes nothing and publishes nothing when the same export comes again', async () => {
    const report = await run(FICHES);
    expect(report).toMatchObject({
      created: [],
      updated: [],
      unchanged: ['RNCP31678', 'RNCP40000', 'RNCP40002'],
    });
    expect(await newEvents()).toEqual([]);
  });

  const changed = FICHES.map((f) =>
    f.code === 'RNCP40002'
      ? {
          ...f,
          title: 'Administrateur d’infrastructures sécurisées',
          blocs: [
            ['RNCP40002BC01', `Bloc 1 de ${f.title}`],
            ['RNCP40002BC02', 'Sécuriser les infrastructures'],
          ] as [string, string][],
        }
      : f,
  );

  it('a dry run reports the change and writes nothing', async () => {
    const report = await run(changed, { dryRun: true });
    expect(report.updated).toEqual(['RNCP40002']);
    expect(await newEvents()).toEqual([]);
  });

  it('updates a changed fiche in place, keeping the ids of its blocs, with one UPDATED event', async () => {
    const repository = new TypeOrmCertificationRepository(db.dataSource.manager);
    const before = await repository.findByCode('RNCP40002');
    const report = await run(changed);
    expect(report).toMatchObject({
      created: [],
      updated: ['RNCP40002'],
      unchanged: ['RNCP31678', 'RNCP40000'],
    });
    const events = await newEvents();
    expect(events.map((e) => `${e.change} ${e.certification.code}`)).toEqual(['UPDATED RNCP40002']);
    const state = events[0]?.certification;
    expect(state).toMatchObject({
      id: before?.id,
      title: 'Administrateur d’infrastructures sécurisées',
      version: (before?.version ?? 0) + 1,
    });
    expect(state?.components.map((c) => c.code)).toEqual(['RNCP40002BC01', 'RNCP40002BC02']);
    expect(state?.components[0]?.id).toBe(before?.components[0]?.id);
  });

  it('then finds nothing more to do', async () => {
    expect((await run(changed)).unchanged).toHaveLength(3);
    expect(await newEvents()).toEqual([]);
  });

  it('imports only the fiches asked for', async () => {
    const report = await run(
      [...changed, { code: 'RNCP40010', title: 'Nouveau' }, { code: 'RNCP40011', title: 'Autre' }],
      { only: ['RNCP40010', 'RNCP49999'] },
    );
    expect(report).toMatchObject({ created: ['RNCP40010'], unchanged: [] });
    expect(report.flags).toContainEqual({
      code: 'RNCP49999',
      field: 'only',
      message: 'not in the export',
    });
    expect((await newEvents()).map((e) => e.certification.code)).toEqual(['RNCP40010']);
  });

  it.each`
    filter                                     | codes
    ${{ search: 'rncp40002' }}                 | ${['RNCP40002']}
    ${{ search: 'administrateur securisees' }} | ${['RNCP40002']}
    ${{ level: 6, search: 'concepteur' }}      | ${['RNCP31678', 'RNCP40000', 'TP-CDA']}
    ${{ romeCode: 'H1208' }}                   | ${['RNCP40002']}
  `('certifications(filter: $filter) finds the imported fiches', async ({ filter, codes }) => {
    const page = await new TypeOrmCertificationRepository(db.dataSource.manager).list(
      filter,
      '2026-11-30',
      { first: 10, afterCode: null },
    );
    expect(page.items.map((c) => c.code)).toEqual(codes);
  });
});

describe('npm run import-rncp', () => {
  it('reads a ZIP into the configured SQLite storage and ends with the JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rncp-command-'));
    try {
      const zip = await writeExportZip(join(dir, 'export.zip'), exportOf(FICHES));
      const out: string[] = [];
      const code = await runImportRncpCommand(
        [zip, '--json', '--only', 'RNCP40002,RNCP40001'],
        { DATA_DIR: join(dir, 'data') },
        { out: (line) => out.push(line), err: () => undefined, tty: false },
      );
      expect(code).toBe(0);
      expect(JSON.parse(out[out.length - 1] as string)).toMatchObject({
        created: ['RNCP40002'],
        rejected: [{ code: 'RNCP40001' }],
      });
      expect(
        await runImportRncpCommand(
          [join(dir, 'nothing.zip')],
          { DATA_DIR: dir },
          {
            out: () => undefined,
            err: () => undefined,
            tty: false,
          },
        ),
      ).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
