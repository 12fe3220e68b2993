// npm run bench:cpf-export — the deposit with the Caisse des Dépôts at volume: 100,000 VALID
// parchemins of one RNCP certification (BENCH_CPF_PASSAGES), their holders with complete register
// data, in a scratch issuing database on MariaDB/MySQL; then `export-cpf` as the command runs it.
// Prints the export's wall time, its peak memory (RSS and heap, sampled every 20 ms) and the
// file's size, and drops the database.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, parseLocalDate } from '@certif/platform-calendar';
import { databaseTarget, openDataSource } from '@certif/platform-persistence';
import { CredentialRow, KnownCandidateRow, KnownCertificationRow } from '@certif/issuing-adapters';
import type { HolderRegisterData } from '@certif/issuing-application';
import { exportCpf, issuingSchema } from '@certif/issuing-service';
import { bulkInsert } from './bulk-insert';
import { dropScratchDatabases } from './scratch-databases';

const url = process.env['BENCH_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
const passages = Number(process.env['BENCH_CPF_PASSAGES'] ?? 100_000);
const CERTIFICATION = 'bench-rncp-0001';

function pad(n: number, width: number) {
  return String(n).padStart(width, '0');
}

async function main(): Promise<void> {
  const prefix = `certif_bench_${randomBytes(3).toString('hex')}`;
  const target = databaseTarget('issuing', url, '.data', prefix);
  const out = mkdtempSync(join(tmpdir(), 'cpf-bench-'));
  const dataSource = await openDataSource({ ...issuingSchema, target, poolSize: 4 });
  try {
    const seedStart = Date.now();
    await bulkInsert(dataSource, KnownCertificationRow, [
      Object.assign(new KnownCertificationRow(), {
        id: CERTIFICATION,
        version: 1,
        code: 'RNCP36912',
        rncpCode: 'RNCP36912',
        title: 'Expert en développement logiciel',
        kind: 'RNCP_CERTIFICATION',
        level: 7,
        certifierName: 'OPENCLASSROOMS',
        certifierSiret: '49386136300080',
        certifierCpfClientId: 'OC123456',
        certifierCpfContractId: 'MCFCER000123',
        registeredFrom: '2022-09-29',
        registeredUntil: null,
        capitalizationRule: 'UNLIMITED',
        requiresFinalInterview: false,
        revisesId: null,
        revisedById: null,
        components: [],
        specializations: [],
        correspondences: [],
      }),
    ]);
    const candidates: KnownCandidateRow[] = [];
    const credentials: CredentialRow[] = [];
    for (let i = 0; i < passages; i += 1) {
      const id = `cand-${pad(i, 8)}`;
      const register: HolderRegisterData = {
        birthDate: parseLocalDate(
          `19${pad(60 + (i % 40), 2)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`,
        ),
        sex: i % 2 === 0 ? 'F' : 'M',
        birthName: i % 5 === 0 ? `Naissance${i}` : null,
        birthPlace: {
          inseeCode: pad(1000 + (i % 90000), 5),
          postalCode: null,
          city: 'Commune',
          countryCode: 'FRA',
          country: 'France',
        },
        enrollments: [{ certificationId: CERTIFICATION, pathway: 'CONTINUOUS_TRAINING' }],
      };
      candidates.push(
        Object.assign(new KnownCandidateRow(), {
          id,
          firstName: `Prénom${i}`,
          lastName: `Nom${i}`,
          erasedAt: null,
          version: 2,
          register,
        }),
      );
      credentials.push(
        Object.assign(new CredentialRow(), {
          id: `cred-${pad(i, 8)}`,
          number: `RNCP36912-2026-${pad(i + 1, 6)}`,
          candidateId: id,
          lineageRootId: CERTIFICATION,
          certificationId: CERTIFICATION,
          specializationId: null,
          specializationKey: '',
          verificationCode: `CODE${pad(i, 28)}`,
          issuedOn: '2026-06-10',
          obtainedOn: '2026-06-05',
          issuedAt: new Date('2026-06-10T12:00:00Z'),
          status: 'VALID',
          content: {
            certification: {
              id: CERTIFICATION,
              code: 'RNCP36912',
              rncpCode: 'RNCP36912',
              title: 'Expert en développement logiciel',
              kind: 'RNCP_CERTIFICATION',
              level: 7,
              certifier: { name: 'OPENCLASSROOMS', siret: '49386136300080' },
            },
            specialization: null,
            components: [],
          },
          revokedAt: null,
          revokedBy: null,
          revocationReason: null,
        }),
      );
    }
    await bulkInsert(dataSource, KnownCandidateRow, candidates);
    await bulkInsert(dataSource, CredentialRow, credentials);
    await dataSource.query('ANALYZE TABLE `credential`, `known_candidate`');
    candidates.length = 0;
    credentials.length = 0;
    const seeded = (Date.now() - seedStart) / 1000;
    if (global.gc) global.gc();

    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const cpuBefore = process.cpuUsage();
    const start = process.hrtime.bigint();
    const report = await exportCpf({ dataSource, clock: fixedClock('2026-06-10') }, { out });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    const file = report.files[0];
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(`seeded ${passages} parchemins and holders in ${seeded.toFixed(1)} s`);
    console.log(
      `export-cpf: ${file?.passages ?? 0} passages in ${seconds.toFixed(1)} s ` +
        `(${Math.round((file?.passages ?? 0) / seconds)} passages/s; Node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; ` +
        `load average ${loadavg()[0]?.toFixed(1)}), file ${mib(file?.path ? statSync(file.path).size : 0)} MiB`,
    );
    console.log(
      `memory: peak RSS ${mib(peakRss)} MiB (${mib(baseline.rss)} before), ` +
        `peak heap ${mib(peakHeap)} MiB (${mib(baseline.heapUsed)} before)`,
    );
    if ((file?.passages ?? 0) !== passages) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
    await dropScratchDatabases(url, prefix);
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
