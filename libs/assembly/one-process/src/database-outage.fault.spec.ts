import { fixedClock } from '@certif/platform-calendar';
import { waitFor } from '@certif/platform-events/testing';
import {
  mysqlUnavailableReason,
  privateMariadbUnavailableReason,
  startPrivateMariadb,
  type PrivateMariadb,
} from '@certif/platform-persistence/testing';
import { createConnection } from 'mysql2/promise';
import { startTestPlatform, type TestPlatform, contractOperationLookup } from './testing';

// FAULT TEST (about 1–3 min): the database goes away for 10 s in the middle of a deliberation's
// pipeline — after the jury's decisions committed, while the relay and the consumers are moving
// them from sessions to issuing. Transient failures are waited out: once the database is back,
// every parchemin is issued exactly once and nothing is dead-lettered. The database is a private
// mariadbd of this test (the shared server is never stopped).

jest.setTimeout(300_000);

const op = contractOperationLookup();

const skipReason = mysqlUnavailableReason() ?? privateMariadbUnavailableReason();
const HOLDERS = ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson', 'Hedy Lamarr'];
const OUTAGE_MS = 10_000;

(skipReason ? describe.skip : describe)(
  `a 10 s database outage in the middle of a deliberation's pipeline [private mariadbd]${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let server: PrivateMariadb;
    let t: TestPlatform;
    const previousUrl = process.env['TEST_DATABASE_URL'];
    const candidates: string[] = [];

    beforeAll(async () => {
      server = await startPrivateMariadb();
      process.env['TEST_DATABASE_URL'] = server.url;
      t = await startTestPlatform('mysql', { clock: fixedClock('2026-06-10') });
    });
    afterAll(async () => {
      if (previousUrl === undefined) delete process.env['TEST_DATABASE_URL'];
      else process.env['TEST_DATABASE_URL'] = previousUrl;
      await server?.start().catch(() => undefined);
      await t?.stop().catch(() => undefined);
      await server?.destroy();
    });

    async function eventually<T>(query: string, variables: object, token: string): Promise<T> {
      return waitFor(
        async () => {
          const response = await t.graphql(query, variables as never, token);
          if (response.errors) throw new Error(response.errors[0]?.message);
          return response.data as T;
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );
    }

    it('issues every parchemin exactly once and dead-letters nothing', async () => {
      const manager = await t.token(['SESSION_MANAGER'], { sub: 'centre-sete' });
      const juror = await t.token(['JURY_MEMBER'], { sub: 'pro-1' });
      const reader = await t.token(['REFERENTIAL_MANAGER']);
      const { certification } = await eventually<{ certification: { id: string } }>(
        op('CertificationByCode'),
        { code: 'TP-DWWM' },
        reader,
      );
      const enrollments: string[] = [];
      for (const name of HOLDERS) {
        const [firstName, lastName] = name.split(' ');
        const { registerCandidate } = await eventually<{ registerCandidate: { id: string } }>(
          op('RegisterCandidate'),
          { input: { firstName, lastName } },
          manager,
        );
        candidates.push(registerCandidate.id);
        const { enrollCandidate } = await eventually<{ enrollCandidate: { id: string } }>(
          op('EnrollCandidate'),
          {
            input: {
              candidateId: registerCandidate.id,
              certificationId: certification.id,
              pathway: 'CONTINUOUS_TRAINING',
              startedOn: '2025-09-01',
            },
          },
          manager,
        );
        enrollments.push(enrollCandidate.id);
      }
      const { planSession } = await eventually<{ planSession: { id: string } }>(
        op('PlanSession'),
        {
          input: {
            certificationId: certification.id,
            scope: 'FULL_TITLE',
            center: 'AFPA Sète',
            startsOn: '2026-06-01',
            endsOn: '2026-06-05',
          },
        },
        manager,
      );
      for (const [userId, name] of [
        ['pro-1', 'Juliette Martin'],
        ['pro-2', 'Karim Benali'],
      ]) {
        await eventually(
          op('AddJuror'),
          { sessionId: planSession.id, input: { userId, name, role: 'PROFESSIONAL' } },
          manager,
        );
      }
      const registrations: string[] = [];
      for (const enrollmentId of enrollments) {
        const { registerToSession } = await eventually<{ registerToSession: { id: string } }>(
          op('RegisterToSession'),
          { sessionId: planSession.id, enrollmentId },
          manager,
        );
        registrations.push(registerToSession.id);
      }

      const deliberated = await t.graphql(
        op('RecordDeliberation'),
        {
          sessionId: planSession.id,
          decisions: registrations.map((registrationId) => ({
            registrationId,
            outcome: 'TITLE_AWARDED',
            finalInterviewPassed: true,
            decidedOn: '2026-06-05',
          })),
        },
        juror,
      );
      expect(deliberated.errors).toBeUndefined();
      // The decisions and their events are committed; the pipeline to issuing is under way.
      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await server.start();

      for (const candidateId of candidates) {
        const holder = await t.token(['CANDIDATE'], { sub: candidateId, candidateId });
        await waitFor(
          async () => {
            const response = await t.graphql<{
              candidate: { credentials: { status: string }[] } | null;
            }>(op('CandidateRecord'), { id: candidateId }, holder);
            expect(response.data?.candidate?.credentials.map((c) => c.status)).toEqual(['VALID']);
          },
          { timeoutMs: 120_000, intervalMs: 500 },
        );
      }

      const connection = await createConnection({
        host: '127.0.0.1',
        port: server.port,
        user: 'root',
      });
      try {
        const [databases] = await connection.query("SHOW DATABASES LIKE 'certif\\_e2e\\_%'");
        const names = (databases as Record<string, string>[]).map((row) => Object.values(row)[0]);
        const issuing = names.find((name) => name?.endsWith('_issuing'));
        const [credentials] = await connection.query(
          `SELECT candidateId, COUNT(*) AS issued FROM \`${issuing}\`.credential GROUP BY candidateId`,
        );
        expect(
          (credentials as { candidateId: string; issued: number }[])
            .map((row) => ({ candidateId: row.candidateId, issued: Number(row.issued) }))
            .sort((a, b) => a.candidateId.localeCompare(b.candidateId)),
        ).toEqual([...candidates].sort().map((candidateId) => ({ candidateId, issued: 1 })));
        for (const name of names) {
          const [letters] = await connection.query(
            `SELECT topic, reason, error FROM \`${name}\`.events_dead_letter`,
          );
          expect({ database: name, letters }).toEqual({ database: name, letters: [] });
        }
      } finally {
        await connection.end();
      }
    });
  },
);
