import { randomBytes, randomUUID } from 'node:crypto';
import { parseLocalDate } from '@certif/platform-calendar';
import { DeadLetterEntity } from '@certif/platform-events';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnMysql } from '@certif/platform-persistence/testing';
import { SEED_VERSIONS } from '@certif/issuing-domain/testing';
import type { CertificationVersion } from '@certif/issuing-domain';
import { CredentialRow, LivretRow } from '@certif/issuing-adapters';
import { TypeOrmLivretRepository } from '@certif/issuing-adapters/testing';
import { candidateChanged } from '@certif/candidates-contracts';
import { certificationChanged } from '@certif/referentials-contracts';
import { ccpAcquired, titleAwarded } from '@certif/sessions-contracts';
import {
  candidateEvent,
  ccpAcquiredEvent,
  certificationEvent,
  eventMessage,
  startTestIssuing,
  tagged,
  titleAwardedEvent,
  type TestIssuing,
} from './testing';

jest.setTimeout(120_000);

describeOnMysql('issuing consumers: a batch of events in one transaction', () => {
  let t: TestIssuing;
  /** refreshLivret reads the stored livret once per recomputation (and nothing else reads one). */
  let refreshes: jest.SpiedFunction<TypeOrmLivretRepository['findOne']>;

  beforeAll(async () => {
    t = await startTestIssuing('mysql', { today: '2026-03-01' });
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    refreshes = jest.spyOn(TypeOrmLivretRepository.prototype, 'findOne');
  });
  afterEach(() => refreshes.mockRestore());

  const settled = () =>
    waitFor(() =>
      [ccpAcquired, titleAwarded, certificationChanged].every(
        (d) => t.bus.lag(d.topic, 'issuing') === 0,
      ),
    );
  const refreshesOf = (candidateId: string) =>
    refreshes.mock.calls.filter(([candidate]) => candidate === candidateId).length;

  /** Candidates issuing knows (candidates.candidate.v1): their facts are locked by their row. */
  async function knownCandidates(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    t.feed(
      ...ids.map((id) =>
        eventMessage(
          candidateChanged,
          candidateEvent(id, { firstName: 'Ada', lastName: 'Lovelace' }),
        ),
      ),
    );
    await waitFor(() => t.bus.lag(candidateChanged.topic, 'issuing') === 0);
    return ids;
  }

  async function known(version: CertificationVersion): Promise<CertificationVersion> {
    t.feed(eventMessage(certificationChanged, certificationEvent(version)));
    await settled();
    return version;
  }

  const components = (version: CertificationVersion, candidateId: string) =>
    version.components.map((component, i) =>
      eventMessage(
        ccpAcquired,
        ccpAcquiredEvent({
          candidateId,
          certificationId: version.id,
          componentId: component.id,
          decidedOn: parseLocalDate(`2025-0${i + 1}-10`),
        }),
      ),
    );
  const title = (version: CertificationVersion, candidateId: string) =>
    eventMessage(
      titleAwarded,
      titleAwardedEvent({
        candidateId,
        certificationId: version.id,
        decidedOn: '2025-06-20',
        outcome: 'TITLE_AWARDED',
        scope: 'FULL_TITLE',
      }),
    );

  it('recomputes each livret once per batch, not once per event', async () => {
    const cda = await known(tagged(SEED_VERSIONS['001'], randomBytes(3).toString('hex')));
    const candidates = await knownCandidates(3);
    refreshes.mockClear();
    // All components of a candidate at once: they wait in one partition and make one batch.
    // (One candidate at a time: concurrent batches may deadlock, and a retry refreshes again.)
    for (const candidateId of candidates) {
      t.feed(...components(cda, candidateId));
      await settled();
    }
    expect(cda.components.length).toBe(3);
    for (const candidateId of candidates) expect(refreshesOf(candidateId)).toBe(1);
    const livrets = await t.service.dataSource.manager.findBy(LivretRow, {
      lineageRootId: cda.id,
    });
    expect(livrets).toHaveLength(3);

    refreshes.mockClear();
    t.feed(...candidates.map((candidateId) => title(cda, candidateId)));
    await settled();
    for (const candidateId of candidates) {
      expect(
        await t.service.dataSource.manager.findBy(CredentialRow, { candidateId }),
      ).toMatchObject([{ status: 'VALID', number: expect.stringMatching(/-2025-\d{6}$/) }]);
    }
  });

  it('numbers the parchemins of concurrent batches without a duplicate, one per candidate', async () => {
    const oc = await known(tagged(SEED_VERSIONS['004'], randomBytes(3).toString('hex')));
    const candidates = await knownCandidates(40);
    // Components and titles at once, on two topics and many partitions: batches run concurrently.
    t.feed(...candidates.flatMap((candidateId) => [...components(oc, candidateId)]));
    t.feed(...candidates.map((candidateId) => title(oc, candidateId)));
    await settled();
    const issued = await t.service.dataSource.manager.findBy(CredentialRow, {
      lineageRootId: oc.id,
    });
    expect(issued).toHaveLength(40);
    expect(new Set(issued.map((c) => c.candidateId)).size).toBe(40);
    expect(new Set(issued.map((c) => c.number)).size).toBe(40);
    // Unique and growing, not necessarily contiguous (ADR 0019).
    for (const credential of issued) expect(credential.number).toMatch(`${oc.code}-2025-`);
  });

  it('isolates a poison event of a batch: the others issue, it alone is dead-lettered', async () => {
    const cda = await known(tagged(SEED_VERSIONS['001'], randomBytes(3).toString('hex')));
    const [candidateId] = await knownCandidates(1);
    const holder = candidateId as string;
    t.feed(...components(cda, holder));
    await settled();
    // The title and, behind it in the same partition (same key), one its schema refuses.
    const valid = title(cda, holder);
    const payload = JSON.parse(title(cda, holder).value) as Record<string, unknown>;
    const poison = { ...title(cda, holder) };
    poison.value = JSON.stringify({ ...payload, decidedOn: 'not a date' });
    t.feed(poison, valid);
    await settled();
    expect(
      await t.service.dataSource.manager.findBy(CredentialRow, { candidateId: holder }),
    ).toMatchObject([{ status: 'VALID' }]);
    const letters = await t.service.dataSource.manager.findBy(DeadLetterEntity, {
      eventId: poison.headers['ce_id'] as string,
    });
    expect(letters).toMatchObject([{ reason: 'invalid-payload', consumerGroup: 'issuing' }]);
  });

  it('handles a batch delivered again once: no second parchemin, no second livret event', async () => {
    const oc = await known(tagged(SEED_VERSIONS['004'], randomBytes(3).toString('hex')));
    const candidates = await knownCandidates(4);
    const batch = candidates.flatMap((candidateId) => components(oc, candidateId));
    t.feed(...batch);
    await settled();
    refreshes.mockClear();
    t.feed(...batch, ...batch.slice(0, 2));
    await settled();
    expect(refreshes).not.toHaveBeenCalled();
    for (const candidateId of candidates)
      expect(await t.service.dataSource.manager.countBy(CredentialRow, { candidateId })).toBe(1);
  });
});
