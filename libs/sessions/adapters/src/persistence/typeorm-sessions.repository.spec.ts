import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { pendingSchemaChanges } from '@certif/platform-persistence';
import { eventsSchema } from '@certif/platform-events';
import type { JuryDecision } from '@certif/sessions-domain';
import {
  juror,
  registration,
  sampleCertification,
  sampleDecision,
  sampleEnrollment,
  sampleParchemin,
  sampleSession,
} from '@certif/sessions-domain/testing';
import { sessionsStore } from './sessions-unit-of-work';
import { TypeOrmReadModelRepository } from './typeorm-read-model.repository';
import { sessionsTables } from './sessions-tables';

/** Registration `index`'s decision: some components (milliseconds kept by the database). */
const decision = (index: number, overrides: Partial<JuryDecision> = {}): JuryDecision =>
  sampleDecision({
    id: `decision-${index}`,
    registrationId: `registration-${index}`,
    candidateId: `candidate-${index}`,
    enrollmentId: `enrollment-${index}`,
    outcome: 'COMPONENTS_AWARDED',
    awardedComponentIds: ['ccp1', 'ccp3'],
    finalInterviewPassed: false,
    recordedAt: new Date('2026-06-05T16:30:00.123Z'),
    ...overrides,
  });

describeOnEachDatabase('sessions repositories', (dialect) => {
  let db: TestDatabase;
  let store: ReturnType<typeof sessionsStore>;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, {
      entities: [...(eventsSchema.entities as []), ...(sessionsTables.entities as [])],
      migrations: [...(eventsSchema.migrations as []), ...(sessionsTables.migrations as [])],
    });
    store = sessionsStore(db.dataSource.manager);
    await store.sessions.insert(
      sampleSession({ capacity: 20, plannedAt: new Date('2026-01-10T09:00:00.456Z') }),
    );
  });
  afterAll(() => db.close());

  if (dialect === 'mysql') {
    it('has migrations that match the entities', async () => {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    });
  }

  it('reads a session back exactly as written: dates as YYYY-MM-DD, instants to the millisecond', async () => {
    expect(await store.sessions.findByIds(['session-1'])).toEqual([
      sampleSession({ capacity: 20, plannedAt: new Date('2026-01-10T09:00:00.456Z') }),
    ]);
  });

  it('updates a session optimistically: a stale version is refused', async () => {
    const [current] = await store.sessions.findByIds(['session-1']);
    await store.sessions.update({ ...current, center: 'AFPA Nîmes', version: 2 });
    await expect(
      store.sessions.update({ ...current, center: 'AFPA Sète', version: 2 }),
    ).rejects.toThrow(/changed by someone else/);
    expect((await store.sessions.findByIds(['session-1']))[0]?.center).toBe('AFPA Nîmes');
  });

  it('seats a person once per session, whatever the race', async () => {
    await store.jurors.insert(juror('pro-1', 'PROFESSIONAL'));
    await expect(
      store.jurors.insert({ ...juror('pro-1', 'TRAINER'), id: 'juror-again' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'duplicate',
    });
    expect(await store.jurors.findBySessions(['session-1'])).toEqual([
      juror('pro-1', 'PROFESSIONAL'),
    ]);
  });

  it('registers a candidate once per session, even through another enrolment', async () => {
    await store.registrations.insert(registration(1));
    await expect(
      store.registrations.insert({
        ...registration(1),
        id: 'again',
        enrollmentId: 'enrollment-other',
      }),
    ).rejects.toMatchObject({
      rule: 'duplicate',
    });
    expect(await store.registrations.findBySessions(['session-1'])).toEqual([registration(1)]);
  });

  it('writes 250 decisions in batches and refuses a second decision of one registration', async () => {
    const decisions = Array.from({ length: 250 }, (_, i) =>
      decision(i + 100, { finalInterviewPassed: i % 3 === 0 ? null : i % 3 === 1 }),
    );
    await store.decisions.insertMany(decisions);
    const read = await store.decisions.findByRegistrations(decisions.map((d) => d.registrationId));
    expect(read.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...decisions].sort((a, b) => a.id.localeCompare(b.id)),
    );
    await expect(
      store.decisions.insertMany([decision(100, { id: 'correction' })]),
    ).rejects.toMatchObject({ rule: 'session-status' });
  });

  it('finds the components a candidate holds in a lineage (R5), from awarding decisions only', async () => {
    await store.decisions.insertMany([
      decision(1, {
        candidateId: 'holder',
        certificationId: 'cda-2019',
        awardedComponentIds: ['old-ccp2'],
      }),
      decision(2, {
        candidateId: 'holder',
        certificationId: 'cda',
        outcome: 'TITLE_AWARDED',
        awardedComponentIds: ['ccp1', 'ccp2'],
      }),
      decision(3, {
        candidateId: 'holder',
        certificationId: 'dwwm',
        awardedComponentIds: ['dwwm-ccp1'],
      }),
      decision(4, {
        candidateId: 'holder',
        certificationId: 'cda',
        outcome: 'ABSENT',
        awardedComponentIds: [],
      }),
    ]);
    expect((await store.decisions.heldComponentIds('holder', ['cda', 'cda-2019'])).sort()).toEqual([
      'ccp1',
      'ccp2',
      'old-ccp2',
    ]);
    expect(await store.decisions.heldComponentIds('holder', ['rncp'])).toEqual([]);
    expect(await store.decisions.heldComponentIds('nobody', ['cda'])).toEqual([]);
  });

  it('R9: records a correction beside the decision it supersedes, once, whatever the race', async () => {
    const original = decision(900, {
      candidateId: 'corrected',
      awardedComponentIds: ['ccp1', 'ccp3'],
    });
    await store.decisions.insertMany([original]);
    const correction = decision(900, {
      id: 'decision-900-b',
      candidateId: 'corrected',
      awardedComponentIds: ['ccp1'],
      sequence: 2,
      supersedesId: original.id,
      correctionReason: 'CCP3 awarded by mistake',
      correctedOn: '2026-06-10',
    });
    await store.decisions.insertCorrection(original.id, correction);
    const history = await store.decisions.findByRegistrations([original.registrationId]);
    expect(history.sort((a, b) => a.sequence - b.sequence)).toEqual([
      { ...original, supersededById: correction.id },
      correction,
    ]);
    // Only the decision standing counts for R5.
    expect(await store.decisions.heldComponentIds('corrected', ['cda'])).toEqual(['ccp1']);
    // A second correction of the same (superseded) decision is refused.
    await expect(
      store.decisions.insertCorrection(
        original.id,
        decision(900, { id: 'decision-900-c', sequence: 3, supersedesId: original.id }),
      ),
    ).rejects.toMatchObject({ rule: 'concurrent-correction' });
    await expect(
      store.decisions.insertCorrection(
        correction.id,
        decision(900, { id: 'decision-900-d', sequence: 2, supersedesId: correction.id }),
      ),
    ).rejects.toMatchObject({ rule: 'concurrent-correction' });
  });

  it('keeps read models as published: certification, candidate with enrolments, parchemins', async () => {
    const writer = new TypeOrmReadModelRepository(db.dataSource.manager);
    const certification = sampleCertification({ registeredUntil: '2027-12-31' });
    await writer.saveCertification(certification);
    await writer.saveCertification({ ...certification, title: 'Renamed', version: 2 });
    expect(await store.readModels.certificationsByIds(['cda'])).toEqual([
      { ...certification, title: 'Renamed', version: 2 },
    ]);

    const vae = {
      noticeNumber: 'N-1',
      issuedOn: '2026-01-15' as const,
      issuedBy: 'DREETS Occitanie',
    };
    await writer.saveCandidate(
      { id: 'candidate-1', firstName: 'Ada', lastName: 'Lovelace', erasedAt: null, version: 1 },
      [
        sampleEnrollment(),
        sampleEnrollment({ id: 'enrollment-vae', pathway: 'VAE', vaeAdmissibility: vae }),
      ],
    );
    expect(await store.readModels.enrollmentById('enrollment-1')).toEqual(sampleEnrollment());
    expect(await store.readModels.enrollmentById('enrollment-vae')).toEqual(
      sampleEnrollment({ id: 'enrollment-vae', pathway: 'VAE', vaeAdmissibility: vae }),
    );
    expect(await store.readModels.candidatesByIds(['candidate-1'])).toEqual([
      { id: 'candidate-1', firstName: 'Ada', lastName: 'Lovelace', erasedAt: null, version: 1 },
    ]);

    await writer.saveParchemin(sampleParchemin());
    await writer.saveParchemin(
      sampleParchemin({ id: 'ccs-parchemin', specializationId: 'ccs1', status: 'REVOKED' }),
    );
    expect(
      (await store.readModels.parcheminsOf('candidate-1')).sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      sampleParchemin({ id: 'ccs-parchemin', specializationId: 'ccs1', status: 'REVOKED' }),
      sampleParchemin(),
    ]);
  });
});
