// The use cases over the real adapters, on SQLite and MariaDB: locks, transactions, the outbox.
import { randomUUID } from 'node:crypto';
import type { DataSource, Logger } from 'typeorm';
import { fixedClock } from '@certif/platform-calendar';
import { eventsSchema, Outbox, OutboxMessageEntity } from '@certif/platform-events';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import {
  AddJurorService,
  CorrectDecisionService,
  PlanSessionService,
  RecordDeliberationService,
  RegisterToSessionService,
  type SessionsDependencies,
  type SessionsUnitOfWork,
} from '@certif/sessions-application';
import type { CorrectionRequest, DecisionRequest, ExamSession } from '@certif/sessions-domain';
import { sampleCertification, sampleEnrollment } from '@certif/sessions-domain/testing';
import { OutboxDeliberationEvents } from './events/outbox-deliberation-events';
import { JuryDecisionRow } from './persistence/jury-decision.row';
import { sessionsTables } from './persistence/sessions-tables';
import { TypeOrmSessionsUnitOfWork } from './persistence/sessions-unit-of-work';
import { TypeOrmReadModelRepository } from './persistence/typeorm-read-model.repository';

const juryMember = (sub: string) => ({ sub, roles: ['JURY_MEMBER'] });

/** Counts the SQL statements the data source runs while `work` runs. */
async function statementsOf(dataSource: DataSource, work: () => Promise<unknown>): Promise<number> {
  const original = dataSource.logger;
  let count = 0;
  const counting = Object.assign(Object.create(original) as Logger, {
    logQuery: (...args: Parameters<Logger['logQuery']>) => {
      count += 1;
      return original.logQuery(...args);
    },
  });
  Object.assign(dataSource, { logger: counting });
  try {
    await work();
  } finally {
    Object.assign(dataSource, { logger: original });
  }
  return count;
}

describeOnEachDatabase('sessions use cases on the database', (dialect) => {
  let db: TestDatabase;
  let unitOfWork: TypeOrmSessionsUnitOfWork;
  let deps: SessionsDependencies;
  let candidates = 0;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, {
      entities: [...(eventsSchema.entities as []), ...(sessionsTables.entities as [])],
      migrations: [...(eventsSchema.migrations as []), ...(sessionsTables.migrations as [])],
    });
    const outbox = new Outbox({ source: 'certif/sessions' });
    unitOfWork = new TypeOrmSessionsUnitOfWork(
      db.dataSource,
      (manager) => new OutboxDeliberationEvents(outbox, manager),
    );
    deps = { unitOfWork, clock: fixedClock('2026-06-05'), newId: randomUUID };
    const readModels = new TypeOrmReadModelRepository(db.dataSource.manager);
    await readModels.saveCertification(sampleCertification());
  });
  afterAll(() => db.close());

  /** Enrolments in the read model, as candidates.candidate.v1 would have put them. */
  async function enrolled(count: number): Promise<string[]> {
    const readModels = new TypeOrmReadModelRepository(db.dataSource.manager);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      candidates += 1;
      const enrollment = sampleEnrollment({
        id: randomUUID(),
        candidateId: `candidate-${candidates}`,
      });
      await readModels.saveCandidate(
        {
          id: enrollment.candidateId,
          firstName: 'Ada',
          lastName: `N${candidates}`,
          erasedAt: null,
          version: 1,
        },
        [enrollment],
      );
      ids.push(enrollment.id);
    }
    return ids;
  }

  async function sessionWithJury(
    overrides: { capacity?: number | null } = {},
  ): Promise<ExamSession> {
    const session = await new PlanSessionService(deps).execute({
      certificationId: 'cda',
      scope: 'FULL_TITLE',
      componentIds: null,
      specializationId: null,
      center: 'AFPA Montpellier',
      startsOn: '2026-06-01',
      endsOn: '2026-06-05',
      capacity: overrides.capacity ?? null,
    });
    const addJuror = new AddJurorService(deps);
    await addJuror.execute(session.id, {
      userId: 'pro-1',
      name: 'Jeanne Pro',
      role: 'PROFESSIONAL',
    });
    await addJuror.execute(session.id, {
      userId: 'pro-2',
      name: 'Jules Pro',
      role: 'PROFESSIONAL',
    });
    return session;
  }

  async function registered(session: ExamSession, enrollmentIds: string[]) {
    const register = new RegisterToSessionService(deps);
    const registrations = [];
    for (const id of enrollmentIds) registrations.push(await register.execute(session.id, id));
    return registrations;
  }

  const allOutboxOf = (sessionId: string) =>
    db.dataSource.manager
      .find(OutboxMessageEntity, { order: { seq: 'ASC' } })
      .then((rows) =>
        rows.filter((row) => (row.envelope.data as { sessionId: string }).sessionId === sessionId),
      );
  /** The session's events after its registrations (sessions.registration.v1). */
  const outboxOf = (sessionId: string) =>
    allOutboxOf(sessionId).then((rows) =>
      rows.filter((row) => row.topic !== 'sessions.registration.v1'),
    );

  it('publishes each registration with the session’s centre, in its transaction', async () => {
    const session = await sessionWithJury();
    const [first] = await registered(session, await enrolled(1));
    const rows = await allOutboxOf(session.id);
    expect(rows.map((row) => [row.topic, row.eventKey, row.envelope.data])).toEqual([
      [
        'sessions.registration.v1',
        first?.candidateId,
        expect.objectContaining({
          registrationId: first?.id,
          candidateId: first?.candidateId,
          center: session.center,
        }),
      ],
    ]);
  });

  it('publishes exactly the deliberation’s events, in its transaction', async () => {
    const session = await sessionWithJury();
    const [titled, partial, absent] = await registered(session, await enrolled(3));
    const decisions: DecisionRequest[] = [
      {
        registrationId: titled.id,
        outcome: 'TITLE_AWARDED',
        awardedComponentIds: null,
        finalInterviewPassed: true,
        decidedOn: '2026-06-05',
      },
      {
        registrationId: partial.id,
        outcome: 'COMPONENTS_AWARDED',
        awardedComponentIds: ['ccp2'],
        finalInterviewPassed: null,
        decidedOn: '2026-06-05',
      },
      {
        registrationId: absent.id,
        outcome: 'ABSENT',
        awardedComponentIds: null,
        finalInterviewPassed: null,
        decidedOn: '2026-06-01',
      },
    ];
    const deliberated = await new RecordDeliberationService(deps).execute(
      juryMember('pro-1'),
      session.id,
      decisions,
    );
    expect(deliberated).toMatchObject({ status: 'DELIBERATED', version: session.version + 1 });

    const rows = await outboxOf(session.id);
    expect(
      rows.map((row) => [
        row.topic,
        row.eventKey,
        (row.envelope.data as { componentCode?: string }).componentCode ?? null,
      ]),
    ).toEqual([
      ['sessions.ccp-acquired.v1', titled.candidateId, 'TP-CDA-CCP1'],
      ['sessions.ccp-acquired.v1', titled.candidateId, 'TP-CDA-CCP2'],
      ['sessions.ccp-acquired.v1', titled.candidateId, 'TP-CDA-CCP3'],
      ['sessions.ccp-acquired.v1', partial.candidateId, 'TP-CDA-CCP2'],
      ['sessions.title-awarded.v1', titled.candidateId, null],
    ]);
    const stored = await db.dataSource.manager.findBy(JuryDecisionRow, { sessionId: session.id });
    const decisionOf = (registrationId: string) =>
      stored.find((d) => d.registrationId === registrationId)?.id;
    expect(rows[3]?.envelope.data).toEqual({
      candidateId: partial.candidateId,
      enrollmentId: partial.enrollmentId,
      registrationId: partial.id,
      sessionId: session.id,
      decisionId: decisionOf(partial.id),
      certificationId: 'cda',
      decidedOn: '2026-06-05',
      componentId: 'ccp2',
      componentCode: 'TP-CDA-CCP2',
      outcome: 'COMPONENTS_AWARDED',
    });
    expect(rows[4]?.envelope.data).toMatchObject({
      decisionId: decisionOf(titled.id),
      outcome: 'TITLE_AWARDED',
      finalInterviewPassed: true,
      scope: 'FULL_TITLE',
      specializationId: null,
    });
  });

  it('R9: a correction supersedes the decision, keeps it, and publishes decision-corrected in its transaction', async () => {
    const session = await sessionWithJury();
    const [titled] = await registered(session, await enrolled(1));
    await new RecordDeliberationService(deps).execute(juryMember('pro-1'), session.id, [
      {
        registrationId: titled.id,
        outcome: 'TITLE_AWARDED',
        awardedComponentIds: null,
        finalInterviewPassed: true,
        decidedOn: '2026-06-05',
      },
    ]);
    const correct = new CorrectDecisionService(deps);
    const request: CorrectionRequest = {
      outcome: 'COMPONENTS_AWARDED' as const,
      awardedComponentIds: ['ccp1', 'ccp2'],
      finalInterviewPassed: false,
      decidedOn: '2026-06-05',
      reason: 'CCP3 was awarded by mistake',
    };
    await expect(
      correct.execute({ sub: 'someone', roles: ['SESSION_MANAGER'] }, titled.id, request),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { correction } = await correct.execute(juryMember('pro-2'), titled.id, request);

    const stored = await db.dataSource.manager.find(JuryDecisionRow, {
      where: { registrationId: titled.id },
      order: { sequence: 'ASC' },
    });
    expect(
      stored.map((d) => [d.sequence, d.outcome, d.supersededById, d.correctionReason]),
    ).toEqual([
      [1, 'TITLE_AWARDED', correction.id, null],
      [2, 'COMPONENTS_AWARDED', null, 'CCP3 was awarded by mistake'],
    ]);
    const corrected = (await outboxOf(session.id)).filter(
      (row) => row.topic === 'sessions.decision-corrected.v1',
    );
    expect(corrected.map((row) => [row.eventKey, row.envelope.data])).toEqual([
      [
        titled.candidateId,
        {
          candidateId: titled.candidateId,
          enrollmentId: titled.enrollmentId,
          registrationId: titled.id,
          sessionId: session.id,
          decisionId: correction.id,
          certificationId: 'cda',
          decidedOn: '2026-06-05',
          supersededDecisionId: stored[0]?.id,
          supersededDecidedOn: '2026-06-05',
          outcome: 'COMPONENTS_AWARDED',
          scope: 'FULL_TITLE',
          specializationId: null,
          finalInterviewPassed: false,
          awardedComponents: [
            { componentId: 'ccp1', componentCode: 'TP-CDA-CCP1' },
            { componentId: 'ccp2', componentCode: 'TP-CDA-CCP2' },
          ],
          withdrawnComponents: [{ componentId: 'ccp3', componentCode: 'TP-CDA-CCP3' }],
          reason: 'CCP3 was awarded by mistake',
          correctedOn: '2026-06-05',
        },
      ],
    ]);
  });

  it('refuses a second deliberation and changes nothing', async () => {
    const session = await sessionWithJury();
    const [only] = await registered(session, await enrolled(1));
    const decide = (outcome: 'NOT_AWARDED' | 'TITLE_AWARDED') =>
      new RecordDeliberationService(deps).execute(juryMember('pro-2'), session.id, [
        {
          registrationId: only.id,
          outcome,
          awardedComponentIds: null,
          finalInterviewPassed: null,
          decidedOn: '2026-06-05',
        },
      ]);
    await decide('NOT_AWARDED');
    await expect(decide('TITLE_AWARDED')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'session-status',
    });
    expect(
      (await db.dataSource.manager.findBy(JuryDecisionRow, { sessionId: session.id })).map(
        (d) => d.outcome,
      ),
    ).toEqual(['NOT_AWARDED']);
    expect(await outboxOf(session.id)).toEqual([]);
  });

  it('lets only the session’s jurors or an admin deliberate', async () => {
    const session = await sessionWithJury();
    await expect(
      new RecordDeliberationService(deps).execute(
        { sub: 'manager', roles: ['SESSION_MANAGER'] },
        session.id,
        [],
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      new RecordDeliberationService(deps).execute(juryMember('pro-9'), session.id, []),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('emits nothing when the deliberation rolls back after its decisions and events were written', async () => {
    const session = await sessionWithJury();
    const registrations = await registered(session, await enrolled(2));
    let writtenBeforeFailure = 0;
    const failing: SessionsUnitOfWork = {
      reader: unitOfWork.reader,
      transaction: (work) =>
        unitOfWork.transaction((tx) =>
          work({
            ...tx,
            sessions: {
              findByIds: (ids) => tx.sessions.findByIds(ids),
              insert: (s) => tx.sessions.insert(s),
              lock: (id) => tx.sessions.lock(id),
              update: async () => {
                writtenBeforeFailure = (
                  await tx.decisions.findByRegistrations(registrations.map((r) => r.id))
                ).length;
                throw new Error('the database went away');
              },
            },
          }),
        ),
    };
    const decisions = registrations.map((r): DecisionRequest => ({
      registrationId: r.id,
      outcome: 'TITLE_AWARDED' as const,
      awardedComponentIds: null,
      finalInterviewPassed: null,
      decidedOn: '2026-06-05',
    }));
    await expect(
      new RecordDeliberationService({ ...deps, unitOfWork: failing }).execute(
        juryMember('pro-1'),
        session.id,
        decisions,
      ),
    ).rejects.toThrow('the database went away');
    expect(writtenBeforeFailure).toBe(2);
    expect(await db.dataSource.manager.findBy(JuryDecisionRow, { sessionId: session.id })).toEqual(
      [],
    );
    expect(await outboxOf(session.id)).toEqual([]);
    const [after] = await unitOfWork.reader.sessions.findByIds([session.id]);
    expect(after?.status).toBe('PLANNED');
  });

  it('deliberates 200 registrations in one transaction with as many statements as for 2', async () => {
    const deliberate = async (count: number) => {
      const session = await sessionWithJury();
      const registrations = await registered(session, await enrolled(count));
      const decisions = registrations.map((r, i): DecisionRequest => ({
        registrationId: r.id,
        outcome: i % 2 === 0 ? ('TITLE_AWARDED' as const) : ('NOT_AWARDED' as const),
        awardedComponentIds: null,
        finalInterviewPassed: null,
        decidedOn: '2026-06-05',
      }));
      const statements = await statementsOf(db.dataSource, () =>
        new RecordDeliberationService(deps).execute(juryMember('pro-1'), session.id, decisions),
      );
      return { statements, events: (await outboxOf(session.id)).length };
    };
    const small = await deliberate(2);
    const large = await deliberate(200);
    expect(large.events).toBe(100 * 3 + 100);
    expect(large.statements).toBe(small.statements);
  }, 60_000);

  it('gives the last seat to one of two registrations made at once', async () => {
    const session = await sessionWithJury({ capacity: 2 });
    await registered(session, await enrolled(1));
    const [first, second] = await enrolled(2);
    const register = new RegisterToSessionService(deps);
    const results = await Promise.allSettled([
      register.execute(session.id, first),
      register.execute(session.id, second),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'capacity' });
  });
});
