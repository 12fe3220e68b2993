import { randomUUID } from 'node:crypto';
import { candidateChanged, type EnrollmentState } from '@certif/candidates-contracts';
import { credentialChanged } from '@certif/issuing-contracts';
import {
  EmbeddedBus,
  encodeCloudEvent,
  eventsSchema,
  InboxEntryEntity,
  ServiceEvents,
  silentLogger,
  type EventDefinition,
} from '@certif/platform-events';
import { waitFor } from '@certif/platform-events/testing';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { certificationChanged, type CertificationState } from '@certif/referentials-contracts';
import { sessionsTables } from '../persistence/sessions-tables';
import { TypeOrmReadModelRepository } from '../persistence/typeorm-read-model.repository';
import { subscribeReadModels } from './read-model-consumers';

function certificationState(overrides: Partial<CertificationState> = {}): CertificationState {
  return {
    id: 'cda',
    code: 'TP-CDA',
    rncpCode: null,
    title: "Concepteur développeur d'applications",
    kind: 'PROFESSIONAL_TITLE',
    level: 6,
    status: 'ACTIVE',
    registeredFrom: null,
    registeredUntil: null,
    capitalizationRule: 'WITHIN_TITLE_VALIDITY',
    requiresFinalInterview: true,
    vaeMinimumExperienceYears: 1,
    certifier: { name: 'Ministère du Travail', siret: null },
    components: [
      { id: 'ccp1', code: 'TP-CDA-CCP1', title: 'Composants', kind: 'CCP', position: 1 },
    ],
    specializations: [],
    revisesId: null,
    revisedById: null,
    correspondences: [],
    version: 1,
    ...overrides,
  };
}

const enrollment: EnrollmentState = {
  id: 'enrollment-1',
  certificationId: 'cda',
  pathway: 'VAE' as const,
  startedOn: '2026-01-05',
  trainingCenter: null,
  vaeAdmissibility: null,
};
const candidate = (
  version: number,
  change: 'REGISTERED' | 'ENROLLED' | 'VAE_ADMISSIBILITY_RECORDED' | 'ERASED',
  overrides: object = {},
) => ({
  change,
  candidate: {
    id: 'candidate-1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    birthDate: null,
    erasedAt: null,
  },
  enrollments: [enrollment],
  version,
  ...overrides,
});

describeOnEachDatabase('read models fed by events', (dialect) => {
  let db: TestDatabase;
  let bus: EmbeddedBus;
  let events: ServiceEvents;
  let readModels: TypeOrmReadModelRepository;

  /** Publishes like the owning service would, and waits until the sessions group has handled it. */
  async function deliver<T>(
    definition: EventDefinition<T>,
    payload: T,
    id: string = randomUUID(),
  ): Promise<void> {
    const event = {
      specversion: '1.0' as const,
      id,
      type: definition.type,
      source: definition.source,
      time: new Date().toISOString(),
      datacontenttype: 'application/json' as const,
      correlationid: id,
      subject: definition.subject(payload),
      data: payload,
    };
    bus.append([
      encodeCloudEvent(event, { topic: definition.topic, key: definition.key(payload) }),
    ]);
    await waitFor(() => expect(bus.lag(definition.topic, 'sessions')).toBe(0));
  }

  beforeAll(async () => {
    db = await openTestDatabase(dialect, {
      entities: [...(eventsSchema.entities as []), ...(sessionsTables.entities as [])],
      migrations: [...(eventsSchema.migrations as []), ...(sessionsTables.migrations as [])],
    });
    bus = new EmbeddedBus();
    events = subscribeReadModels(
      new ServiceEvents({
        service: 'sessions',
        dataSource: db.dataSource,
        logger: silentLogger,
        bus,
      }),
    );
    await events.start();
    readModels = new TypeOrmReadModelRepository(db.dataSource.manager);
  });
  afterAll(async () => {
    await events.stop();
    await db.close();
  });

  it('keeps the highest version of a certification: an older state arriving late is ignored', async () => {
    await deliver(certificationChanged, {
      change: 'PUBLISHED',
      certification: certificationState({ version: 2 }),
    });
    await deliver(certificationChanged, {
      change: 'CLOSED',
      certification: certificationState({
        version: 3,
        registeredUntil: '2027-06-30',
        revisedById: 'cda-2027',
      }),
    });
    await deliver(certificationChanged, {
      change: 'PUBLISHED',
      certification: certificationState({ version: 1, title: 'stale' }),
    });
    expect(await readModels.certificationsByIds(['cda'])).toEqual([
      expect.objectContaining({
        version: 3,
        registeredUntil: '2027-06-30',
        revisedById: 'cda-2027',
        title: "Concepteur développeur d'applications",
      }),
    ]);
  });

  it('handles a duplicated event once', async () => {
    const id = randomUUID();
    await deliver(
      certificationChanged,
      {
        change: 'PUBLISHED',
        certification: certificationState({ id: 'dwwm', code: 'TP-DWWM', version: 1 }),
      },
      id,
    );
    await deliver(
      certificationChanged,
      {
        change: 'PUBLISHED',
        certification: certificationState({ id: 'dwwm', code: 'TP-DWWM', version: 1 }),
      },
      id,
    );
    expect(
      await db.dataSource.manager.countBy(InboxEntryEntity, {
        eventId: id,
        consumerGroup: 'sessions',
      }),
    ).toBe(1);
    expect(await readModels.certificationsByIds(['dwwm'])).toHaveLength(1);
  });

  it('follows a candidate’s enrolments and recevabilité (R6); an erased candidate keeps them under a pseudonym', async () => {
    await deliver(candidateChanged, candidate(2, 'ENROLLED'));
    expect(await readModels.enrollmentById('enrollment-1')).toMatchObject({
      candidateId: 'candidate-1',
      pathway: 'VAE',
      vaeAdmissibility: null,
    });

    const vae = {
      noticeNumber: 'N-2026-7',
      issuedOn: '2026-02-01',
      issuedBy: 'DREETS Occitanie',
      experienceYears: 4,
    };
    await deliver(
      candidateChanged,
      candidate(3, 'VAE_ADMISSIBILITY_RECORDED', {
        enrollments: [{ ...enrollment, vaeAdmissibility: vae }],
      }),
    );
    await deliver(candidateChanged, candidate(1, 'REGISTERED', { enrollments: [] }));
    expect((await readModels.enrollmentById('enrollment-1'))?.vaeAdmissibility).toEqual({
      noticeNumber: 'N-2026-7',
      issuedOn: '2026-02-01',
      issuedBy: 'DREETS Occitanie',
    });

    await deliver(
      candidateChanged,
      candidate(4, 'ERASED', {
        candidate: {
          id: 'candidate-1',
          firstName: 'Candidat',
          lastName: 'X7Q2',
          birthDate: null,
          erasedAt: '2026-11-20T10:00:00.000Z',
        },
        enrollments: [],
      }),
    );
    expect(await readModels.candidatesByIds(['candidate-1'])).toEqual([
      {
        id: 'candidate-1',
        firstName: 'Candidat',
        lastName: 'X7Q2',
        erasedAt: '2026-11-20T10:00:00.000Z',
        version: 4,
      },
    ]);
    expect(await readModels.enrollmentById('enrollment-1')).not.toBeNull();
  });

  it('keeps parchemins (R7): a revocation is final, even if an ISSUED state is replayed after it', async () => {
    const credential = {
      id: 'parchemin-1',
      number: 'TP-2026-000001',
      certificationId: 'cda',
      specializationId: null,
      status: 'VALID' as const,
      issuedOn: '2026-07-01' as const,
    };
    await deliver(credentialChanged, { change: 'ISSUED', candidateId: 'candidate-1', credential });
    expect(await readModels.parcheminsOf('candidate-1')).toEqual([
      expect.objectContaining({ id: 'parchemin-1', status: 'VALID' }),
    ]);
    await deliver(credentialChanged, {
      change: 'REVOKED',
      candidateId: 'candidate-1',
      credential: { ...credential, status: 'REVOKED' },
      reason: 'fraude',
    });
    await deliver(credentialChanged, { change: 'ISSUED', candidateId: 'candidate-1', credential });
    await deliver(credentialChanged, {
      change: 'LIVRET_STATUS_CHANGED',
      candidateId: 'candidate-1',
      livret: {
        id: 'livret-1',
        certificationId: 'cda',
        status: 'COMPLETE',
        capitalizationDeadline: null,
      },
    });
    expect(await readModels.parcheminsOf('candidate-1')).toEqual([
      expect.objectContaining({ id: 'parchemin-1', status: 'REVOKED' }),
    ]);
  });
});
