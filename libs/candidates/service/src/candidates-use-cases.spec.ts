import { fixedClock } from '@certif/platform-calendar';
import { eventsSchema, Outbox, OutboxMessageEntity, OutboxRelay } from '@certif/platform-events';
import { RecordingTransport } from '@certif/platform-events/testing';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import {
  candidatesTables,
  EnrollmentRow,
  OutboxCandidateEvents,
  TypeOrmCandidatesUnitOfWork,
  type CandidatesUseCases,
} from '@certif/candidates-adapters';
import { sampleKnownCertification } from '@certif/candidates-domain/testing';
import type { EnrollmentDraft, VaeAdmissibilityDraft } from '@certif/candidates-domain';
import { candidatesUseCases } from './candidates-use-cases';

jest.setTimeout(60_000);

const schema = {
  entities: [...eventsSchema.entities, ...(candidatesTables.entities as [])],
  migrations: [...eventsSchema.migrations, ...(candidatesTables.migrations as [])],
};

describeOnEachDatabase('candidates use cases on the database, with the outbox', (dialect) => {
  let db: TestDatabase;
  let useCases: CandidatesUseCases;
  /** Simulates a failure after the event was written, before the transaction commits. */
  let failAfterPublishing = false;
  let next = 0;

  const outboxRows = () =>
    db.dataSource.getRepository(OutboxMessageEntity).find({ order: { seq: 'ASC' } });
  const enrol = (candidateId: string, overrides: Partial<EnrollmentDraft> = {}) =>
    useCases.enroll.execute({
      candidateId,
      certificationId: 'cert-tp-cda',
      pathway: 'CONTINUOUS_TRAINING',
      startedOn: '2026-09-01',
      trainingCenter: null,
      ...overrides,
    });
  const register = () =>
    useCases.register.execute({
      firstName: 'Léa',
      lastName: 'Martin',
      birthDate: '1995-04-12',
      email: 'lea@example.fr',
      accommodations: ['tiers-temps'],
      sex: 'F',
      birthName: 'Durand',
      birthPlace: {
        inseeCode: '2A004',
        postalCode: null,
        city: 'Ajaccio',
        countryCode: 'FRA',
        country: 'France',
      },
    });

  beforeAll(async () => {
    db = await openTestDatabase(dialect, schema);
    const outbox = new Outbox({ source: 'certif/candidates' });
    const unitOfWork = new TypeOrmCandidatesUnitOfWork(db.dataSource, (manager) => {
      const events = new OutboxCandidateEvents(outbox, manager);
      return {
        changed: async (...args) => {
          await events.changed(...args);
          if (failAfterPublishing) throw new Error('the process died before commit');
        },
      };
    });
    await unitOfWork.certifications.saveIfNewer(sampleKnownCertification());
    useCases = candidatesUseCases({
      unitOfWork,
      clock: fixedClock('2026-11-22'),
      newId: () => `00000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}`,
    });
  });
  afterAll(() => db.close());
  beforeEach(() => {
    failAfterPublishing = false;
  });

  it('publishes REGISTERED then ENROLLED with a growing version, and no email nor accommodations', async () => {
    const before = (await outboxRows()).length;
    const candidate = await register();
    const enrollment = await enrol(candidate.id);
    const rows = (await outboxRows()).slice(before);
    expect(rows.map((r) => [r.topic, r.eventKey])).toEqual([
      ['candidates.candidate.v1', candidate.id],
      ['candidates.candidate.v1', candidate.id],
    ]);
    const payloads = rows.map(
      (r) => r.envelope.data as { change: string; version: number; enrollments: { id: string }[] },
    );
    expect(payloads.map((p) => [p.change, p.version, p.enrollments.map((e) => e.id)])).toEqual([
      ['REGISTERED', 1, []],
      ['ENROLLED', 2, [enrollment.id]],
    ]);
    expect(JSON.stringify(rows.map((r) => r.envelope))).not.toMatch(/tiers-temps|lea@example\.fr/);
    // The register's data travel, for issuing's deposit with the Caisse des Dépôts.
    expect(rows[0]?.envelope.data).toMatchObject({
      candidate: { sex: 'F', birthName: 'Durand', birthPlace: { inseeCode: '2A004' } },
    });
  });

  it('a rolled-back enrolment leaves no enrolment and publishes nothing', async () => {
    const candidate = await register();
    const rowsBefore = await outboxRows();
    failAfterPublishing = true;
    await expect(enrol(candidate.id)).rejects.toThrow(/died before commit/);
    failAfterPublishing = false;

    expect(await outboxRows()).toEqual(rowsBefore);
    expect(
      await db.dataSource.getRepository(EnrollmentRow).countBy({ candidateId: candidate.id }),
    ).toBe(0);
    expect((await useCases.queries.findByIds([candidate.id]))[0]?.version).toBe(1);

    const transport = new RecordingTransport();
    await transport.start();
    await new OutboxRelay({ dataSource: db.dataSource, transport }).drainOnce();
    const published = transport.published.map(
      (m) => JSON.parse(m.value) as { change: string; candidate: { id: string } },
    );
    expect(published.filter((p) => p.candidate.id === candidate.id).map((p) => p.change)).toEqual([
      'REGISTERED',
    ]);
    await transport.stop();

    // The same enrolment goes through once nothing fails.
    await expect(enrol(candidate.id)).resolves.toMatchObject({ status: 'OPEN' });
  });

  it('a refused double enrolment publishes nothing', async () => {
    const candidate = await register();
    await enrol(candidate.id);
    const rowsBefore = await outboxRows();
    await expect(enrol(candidate.id, { pathway: 'VAE' })).rejects.toThrow(
      /already enrolled in TP-CDA/,
    );
    expect(await outboxRows()).toEqual(rowsBefore);
  });

  it('two enrolments racing for one candidate: exactly one wins (row lock)', async () => {
    const candidate = await register();
    const outcomes = await Promise.allSettled([
      enrol(candidate.id),
      enrol(candidate.id),
      enrol(candidate.id),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      await db.dataSource.getRepository(EnrollmentRow).countBy({ candidateId: candidate.id }),
    ).toBe(1);
  });

  it('erases idempotently: ERASED once, the enrolments stay', async () => {
    const candidate = await register();
    await enrol(candidate.id);
    const rowsBefore = (await outboxRows()).length;
    const manager = { sub: 'm', roles: ['SESSION_MANAGER' as const] };
    expect(await useCases.queries.get(manager, candidate.id)).toMatchObject({
      sex: 'F',
      birthName: 'Durand',
      birthPlace: { inseeCode: '2A004', postalCode: null, city: 'Ajaccio', countryCode: 'FRA' },
    });
    const erased = await useCases.erase.execute(manager, candidate.id);
    expect(await useCases.queries.get(manager, candidate.id)).toMatchObject({
      sex: null,
      birthName: null,
      birthPlace: null,
    });
    expect(await useCases.erase.execute(manager, candidate.id)).toEqual(erased);
    const rows = (await outboxRows()).slice(rowsBefore);
    expect(rows.map((r) => (r.envelope.data as { change: string }).change)).toEqual(['ERASED']);
    expect(rows[0]?.envelope.data).toMatchObject({
      candidate: {
        firstName: 'Candidat·e',
        lastName: erased.lastName,
        birthDate: null,
        sex: null,
        birthName: null,
        birthPlace: null,
        erasedAt: erased.erasedAt?.toISOString(),
      },
      version: 3,
    });
    expect(await useCases.queries.enrollmentsOf([candidate.id])).toHaveLength(1);
  });
  it('records a VAE notice once: the same notice again publishes nothing', async () => {
    const candidate = await register();
    const enrollment = await enrol(candidate.id, { pathway: 'VAE' });
    const rowsBefore = (await outboxRows()).length;
    const notice: VaeAdmissibilityDraft = {
      noticeNumber: 'N-42',
      issuedOn: '2026-05-04',
      issuedBy: 'DREETS',
      experienceYears: 1.5,
    };
    const recorded = await useCases.recordVaeAdmissibility.execute(enrollment.id, notice);
    expect(await useCases.recordVaeAdmissibility.execute(enrollment.id, notice)).toEqual(recorded);
    expect(
      (await useCases.queries.findEnrollmentsByIds([enrollment.id]))[0]?.vaeAdmissibility,
    ).toEqual({
      ...notice,
      requiredExperienceYears: 1,
      recordedAt: new Date('2026-11-22T12:00:00.000Z'),
    });
    const rows = (await outboxRows()).slice(rowsBefore);
    expect(rows.map((r) => r.envelope.data)).toEqual([
      expect.objectContaining({
        change: 'VAE_ADMISSIBILITY_RECORDED',
        version: 3,
        enrollments: [
          expect.objectContaining({
            vaeAdmissibility: {
              noticeNumber: 'N-42',
              issuedOn: '2026-05-04',
              issuedBy: 'DREETS',
              experienceYears: 1.5,
            },
          }),
        ],
      }),
    ]);
  });
});
