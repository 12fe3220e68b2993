import { randomUUID } from 'node:crypto';
import {
  encodeCloudEvent,
  EventConsumer,
  eventsSchema,
  InboxEntryEntity,
  type EmbeddedTransport,
} from '@certif/platform-events';
import { createInMemoryTransport, waitFor } from '@certif/platform-events/testing';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { certificationChanged, type CertificationState } from '@certif/referentials-contracts';
import { sampleCertificationState } from '@certif/referentials-contracts/testing';
import { PATHWAYS } from '@certif/candidates-domain';
import { candidatesTables } from '../persistence/candidates-migrations';
import { TypeOrmKnownCertificationStore } from '../persistence/typeorm-known-certification.store';
import { onCertificationChanged, toKnownCertification } from './certification-changed.handler';

jest.setTimeout(60_000);

const schema = {
  entities: [...eventsSchema.entities, ...(candidatesTables.entities as [])],
  migrations: [...eventsSchema.migrations, ...(candidatesTables.migrations as [])],
};

function state(version: number, overrides: Partial<CertificationState> = {}): CertificationState {
  return sampleCertificationState({
    id: 'cert-tp-cda',
    title: 'Concepteur développeur d’applications',
    version,
    ...overrides,
  });
}

function message(certification: CertificationState, id = randomUUID()) {
  const change = 'PUBLISHED' as const;
  return encodeCloudEvent(
    {
      specversion: '1.0',
      id,
      type: certificationChanged.type,
      source: 'certif/referentials',
      time: new Date().toISOString(),
      subject: certification.id,
      datacontenttype: 'application/json',
      correlationid: id,
      data: { change, certification },
    },
    { topic: certificationChanged.topic, key: certification.id },
  );
}

describeOnEachDatabase(
  'the certification read model, fed by referentials.certification.v1',
  (dialect) => {
    let db: TestDatabase;
    let transport: EmbeddedTransport;
    let consumer: EventConsumer;
    let store: TypeOrmKnownCertificationStore;
    const handled = () => db.dataSource.getRepository(InboxEntryEntity).count();

    beforeEach(async () => {
      db = await openTestDatabase(dialect, schema);
      store = new TypeOrmKnownCertificationStore(db.dataSource.manager);
      transport = createInMemoryTransport();
      await transport.start();
      consumer = new EventConsumer({ dataSource: db.dataSource, transport, groupId: 'candidates' });
      await consumer.on(certificationChanged, onCertificationChanged).start();
    });
    afterEach(async () => {
      await consumer.stop();
      await transport.stop();
      await db.close();
    });

    it('stores a published certification, recomputable against any date', async () => {
      await transport.publish([
        message(
          state(2, {
            registeredFrom: '2022-09-29',
            registeredUntil: '2025-09-29',
            vaeMinimumExperienceYears: 3,
            pathways: ['CONTINUOUS_TRAINING', 'VAE'],
          }),
        ),
      ]);
      await waitFor(async () => expect(await store.findById('cert-tp-cda')).not.toBeNull());
      expect(await store.findById('cert-tp-cda')).toEqual({
        id: 'cert-tp-cda',
        code: 'TP-CDA',
        title: 'Concepteur développeur d’applications',
        published: true,
        registeredFrom: '2022-09-29',
        registeredUntil: '2025-09-29',
        revisesId: null,
        revisedById: null,
        vaeMinimumExperienceYears: 3,
        pathways: ['CONTINUOUS_TRAINING', 'VAE'],
        version: 2,
      });
    });

    it('reads a state published before access routes existed as open to every route', async () => {
      await transport.publish([message(state(2))]);
      await waitFor(async () => expect(await store.findById('cert-tp-cda')).not.toBeNull());
      expect((await store.findById('cert-tp-cda'))?.pathways).toEqual([...PATHWAYS]);
    });

    it('handles a duplicated event once, and never lets an older version overwrite a newer one', async () => {
      const closed = state(3, { registeredUntil: '2026-12-31', status: 'ACTIVE' });
      const duplicateId = randomUUID();
      await transport.publish([
        message(closed, duplicateId),
        message(closed, duplicateId),
        // Arrives late: published before the closure, relayed after it.
        message(state(2)),
      ]);
      await waitFor(async () => expect(await handled()).toBe(2));
      expect(await store.findById('cert-tp-cda')).toMatchObject({
        version: 3,
        registeredUntil: '2026-12-31',
      });
    });

    it('replaces a state by a newer version, whatever arrived before', async () => {
      await transport.publish([message(state(2))]);
      await waitFor(async () => expect(await handled()).toBe(1));
      await transport.publish([
        message(state(4, { revisedById: 'cert-tp-cda-2026', status: 'REVISED' })),
        message(state(3)),
      ]);
      await waitFor(async () => expect(await handled()).toBe(3));
      expect(await store.findById('cert-tp-cda')).toMatchObject({
        version: 4,
        revisedById: 'cert-tp-cda-2026',
      });
    });

    it('keeps the highest version when states are written directly, in any order', async () => {
      expect(await store.saveIfNewer(toKnownCertification(state(5, { id: 'x', code: 'X' })))).toBe(
        true,
      );
      expect(
        await store.saveIfNewer(
          toKnownCertification(state(5, { id: 'x', code: 'X', title: 'same version' })),
        ),
      ).toBe(false);
      expect(await store.saveIfNewer(toKnownCertification(state(4, { id: 'x', code: 'X' })))).toBe(
        false,
      );
      expect(await store.findById('x')).toMatchObject({
        version: 5,
        title: 'Concepteur développeur d’applications',
      });
    });
  },
);
