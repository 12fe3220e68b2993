// The import of the national register at its scale (issue 15): a generated 20,000-fiche RNCP
// export (ZIP) imported by `importRncpExport` into a scratch referentials database on MariaDB,
// beside the plain batched INSERT of the same rows (certifications, blocs, outbox events) into
// another scratch database of the same run; then the same export again (nothing changes). Memory:
// the heap retained (after a full collection per batch, on a dry run) above its level before,
// for a 2,000-fiche warm-up and for the 20,000 fiches: flat when the two are alike.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fixedClock, type LocalDate } from '@certif/platform-calendar';
import { OutboxMessageEntity } from '@certif/platform-events';
import { databaseTarget, openDataSource, type MysqlTarget } from '@certif/platform-persistence';
import {
  CertificationRow,
  ComponentRow,
  toCertificationRow,
  toCertificationState,
  toComponentRows,
} from '@certif/referentials-adapters';
import { exportOf, writeExportZip, type FicheSpec } from '@certif/referentials-adapters/testing';
import { draftFingerprint } from '@certif/referentials-application';
import { certificationChanged } from '@certif/referentials-contracts';
import {
  certificationStatus,
  mapRncpFiche,
  type Certification,
  type RncpFiche,
} from '@certif/referentials-domain';
import { importRncpExport, referentialsSchema } from '@certif/referentials-service';
import { bulkInsert } from './bulk-insert';
import type { Figure } from './report';

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const ROME = ['M1805', 'M1802', 'M1806', 'M1810', 'H1208', 'K2111', 'D1406', 'J1506'];

/** Fiche i of the generated register: 4 blocs, a TP one in five, a revision one in ten. */
export function generatedFiche(i: number, first = 50_000): FicheSpec {
  const code = `RNCP${first + i}`;
  return {
    code,
    title: `Certification générée ${i} — ${['développeur', 'technicien', 'gestionnaire', 'conseiller'][i % 4]}`,
    kind: i % 5 === 0 ? 'TP' : 'TIT',
    level: `NIV${3 + (i % 6)}`,
    decision: `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/2023`,
    until: `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/2028`,
    blocs: [1, 2, 3, 4].map((n) => [
      `${code}BC0${n}`,
      `Bloc ${n} : exercer les activités ${n} de la certification ${i}`,
    ]),
    rome: [ROME[i % ROME.length] as string, ROME[(i + 3) % ROME.length] as string],
    nsf: [`${300 + (i % 40)}t`],
    formacodes: [String(31000 + (i % 900))],
    certifiers: [[String(10_000_000_000_000 + i), `Organisme certificateur ${i % 500}`]],
    ...(i % 10 === 9 ? { older: `RNCP${first + i - 1}` } : {}),
  };
}

function rncpFiche(spec: FicheSpec): RncpFiche {
  return {
    code: spec.code,
    standard: [
      {
        intitule: spec.title,
        abregeLibelle: spec.kind ?? 'TIT',
        niveau: spec.level ?? '',
        dateDecision: spec.decision ?? '',
        dateEffet: '',
        dateFinEnregistrement: spec.until ?? '',
        actif: 'ACTIVE',
      },
    ],
    blocs: (spec.blocs ?? []).map(([code, title]) => ({ code, title })),
    romeCodes: spec.rome ?? [],
    nsfCodes: spec.nsf ?? [],
    formacodes: spec.formacodes ?? [],
    certifiers: (spec.certifiers ?? []).map(([siret, name]) => ({ siret, name })),
    links: [],
  };
}

/** The rows the import writes for these fiches, built without it: the reference's INSERTs. */
function referenceRows(specs: FicheSpec[], today: LocalDate) {
  const certifications: Certification[] = specs.map((spec) => {
    const mapped = mapRncpFiche(rncpFiche(spec), today);
    if (mapped.outcome !== 'mapped') throw new Error(`${spec.code}: ${mapped.outcome}`);
    const { components, specializations: _s, ...identity } = mapped.draft;
    return {
      ...identity,
      id: randomUUID(),
      publishedAt: new Date(),
      revisesId: null,
      revisedById: null,
      components: components.map((c, index) => ({ ...c, id: randomUUID(), position: index + 1 })),
      specializations: [],
      correspondences: [],
      importedFrom: { register: 'RNCP_OPEN_DATA', fingerprint: draftFingerprint(mapped.draft) },
      version: 1,
    };
  });
  const now = new Date();
  const outbox = certifications.map((c) => {
    const id = randomUUID();
    const data = {
      change: 'PUBLISHED' as const,
      certification: toCertificationState(c, certificationStatus(c, today)),
    };
    return Object.assign(new OutboxMessageEntity(), {
      eventId: id,
      topic: certificationChanged.topic,
      eventKey: c.id,
      eventType: certificationChanged.type,
      envelope: {
        specversion: '1.0',
        id,
        type: certificationChanged.type,
        source: 'certif/referentials',
        time: now.toISOString(),
        subject: c.id,
        datacontenttype: 'application/json',
        correlationid: id,
        data,
      },
      createdAt: now,
      availableAt: now,
      sentAt: null,
      attempts: 0,
      lastError: null,
    });
  });
  return {
    certifications: certifications.map(toCertificationRow),
    components: certifications.flatMap(toComponentRows),
    outbox,
  };
}

/** V8's collector on demand, without starting Node with --expose-gc. */
const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Runs the import; returns its seconds. */
async function timed<T>(work: () => Promise<T>) {
  collectGarbage();
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: since(started) };
}

/**
 * The most heap the import retains above its level before, after a full collection at the end of
 * each batch: what grows with the export shows there, garbage does not. Measured on a dry run
 * (read, staged, mapped, compared; the writes are one batch at a time), apart from the timings,
 * which forced collections would skew.
 */
async function retainedHeap(work: (onProgress: () => void) => Promise<unknown>) {
  collectGarbage();
  const base = process.memoryUsage().heapUsed;
  let retained = 0;
  await work(() => {
    collectGarbage();
    retained = Math.max(retained, process.memoryUsage().heapUsed - base);
  });
  return retained / 2 ** 20;
}

export interface RncpImportSettings {
  databaseUrl: string;
  databasePrefix: string;
  today: LocalDate;
  fiches: number;
}

export async function rncpImport(settings: RncpImportSettings): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-rncp-'));
  const target = (name: string): MysqlTarget => ({
    ...(databaseTarget('rncp', settings.databaseUrl, '') as MysqlTarget),
    database: `${settings.databasePrefix}_${name}`,
  });
  const clock = fixedClock(settings.today);
  const specs = Array.from({ length: settings.fiches }, (_, i) => generatedFiche(i));
  const warmUp = Array.from({ length: settings.fiches / 10 }, (_, i) => generatedFiche(i, 900_000));
  const zip = await writeExportZip(
    join(folder, 'export-fiches-csv-2026-06-10.zip'),
    exportOf(specs),
  );
  const warmZip = await writeExportZip(join(folder, 'warm-up.zip'), exportOf(warmUp));
  const platform = await openDataSource({ ...referentialsSchema, target: target('rncp') });
  const reference = await openDataSource({ ...referentialsSchema, target: target('rncp_ref') });
  try {
    const run = (file: string) => () =>
      importRncpExport(platform, file, { loadSeeds: true }, clock);
    await timed(run(warmZip));
    const first = await timed(run(zip));
    const again = await timed(run(zip));
    const dryRun = (file: string) => (onProgress: () => void) =>
      importRncpExport(platform, file, { dryRun: true, onProgress }, clock);
    const warmHeap = await retainedHeap(dryRun(warmZip));
    const heap = await retainedHeap(dryRun(zip));
    if (
      first.result.created.length !== settings.fiches ||
      again.result.unchanged.length !== settings.fiches
    ) {
      throw new Error(
        `the import created ${first.result.created.length} and then left ${again.result.unchanged.length} unchanged of ${settings.fiches}`,
      );
    }
    const rows = referenceRows(specs, settings.today);
    const started = process.hrtime.bigint();
    await bulkInsert(reference, CertificationRow, rows.certifications);
    await bulkInsert(reference, ComponentRow, rows.components);
    const outbox = reference.getRepository(OutboxMessageEntity);
    for (let i = 0; i < rows.outbox.length; i += 1000)
      await outbox.insert(rows.outbox.slice(i, i + 1000));
    const insertSeconds = since(started);
    const rowCount = rows.certifications.length + rows.components.length + rows.outbox.length;
    const importRatio = first.seconds / insertSeconds;
    const reImportSpeedUp = first.seconds / again.seconds;
    return [
      {
        scenario: 'RNCP import · first import',
        measure: `${settings.fiches} fiches (ZIP → MariaDB)`,
        value: first.seconds * 1000,
        unit: 'ms',
        reference: { label: `batched INSERT of its ${rowCount} rows`, value: insertSeconds * 1000 },
        target: { text: '≤ 5 × the INSERTs', met: importRatio <= 5 },
        note: `${first.result.created.length} created with ${settings.fiches / 10} revision links; read, staged, mapped, compared, written with their events`,
      },
      {
        scenario: 'RNCP import · same export again',
        measure: 'nothing changes',
        value: again.seconds * 1000,
        unit: 'ms',
        reference: { label: 'the first import', value: first.seconds * 1000 },
        target: { text: '≥ 5 × faster', met: reImportSpeedUp >= 5 },
        note: `${again.result.unchanged.length} unchanged, no event`,
      },
      {
        scenario: 'RNCP import · heap retained',
        measure: `${settings.fiches} fiches`,
        value: heap,
        unit: 'MiB',
        reference: { label: `${warmUp.length} fiches`, value: warmHeap },
        target: {
          text: 'flat: ≤ 2 × that of a tenth of the export (8 MiB floor)',
          met: heap <= 2 * Math.max(warmHeap, 8),
        },
        note: 'the most heap in use after a full collection at the end of a batch, above its level before (dry run)',
      },
    ];
  } finally {
    await platform.destroy();
    await reference.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}
