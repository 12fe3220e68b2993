import { randomBytes, randomUUID } from 'node:crypto';
import { parseLocalDate } from '@certif/platform-calendar';
import { EventConsumer } from '@certif/platform-events';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnEachDatabase, describeOnMysql } from '@certif/platform-persistence/testing';
import { certificationVersion, SEED_VERSIONS } from '@certif/issuing-domain/testing';
import { CredentialRow, toRecordCcpAcquired, toRecordTitleAwarded } from '@certif/issuing-adapters';
import { RecordCcpAcquiredService, RecordTitleAwardedService } from '@certif/issuing-application';
import { certificationChanged } from '@certif/referentials-contracts';
import { ccpAcquired, titleAwarded } from '@certif/sessions-contracts';
import {
  certificationEvent,
  eventMessage,
  issuingProbes,
  startTestIssuing,
  tagged,
  titleAwardedEvent,
  type TestIssuing,
} from './testing';

describeOnEachDatabase(
  'issuing consumers: facts in any order, exactly one parchemin',
  (dialect) => {
    let t: TestIssuing;
    beforeAll(async () => {
      t = await startTestIssuing(dialect, { today: '2026-03-01' });
    });
    afterAll(() => t.stop());

    const { tag, settled, credentials, published, certification, revision, candidate, award, ccp } =
      issuingProbes(() => t);

    it('counts ccp-acquired that arrive before their certification, once it arrives', async () => {
      const oc = tagged(SEED_VERSIONS['004'], tag());
      const candidateId = randomUUID();
      t.feed(
        ccp(candidateId, oc, 0, '2024-01-10'),
        ccp(candidateId, oc, 1, '2024-06-10'),
        ccp(candidateId, oc, 2, '2025-01-10'),
      );
      await settled();
      expect(await credentials(candidateId)).toHaveLength(0);

      t.feed(certification(oc));
      await settled();
      const issued = await credentials(candidateId);
      expect(issued).toHaveLength(1);
      expect(issued[0]).toMatchObject({
        status: 'VALID',
        issuedOn: '2026-03-01',
        // Numbered and dated with the decision that completed the title, not the processing day.
        obtainedOn: '2025-01-10',
        number: `${oc.code}-2025-000001`,
      });
      expect(issued[0]?.verificationCode).toMatch(/^[A-Z2-7]{32}$/);
      await waitFor(async () =>
        expect(
          (await published(candidateId)).map(
            (p) => `${p.change} ${p.credential?.status ?? p.livret?.status}`,
          ),
        ).toEqual(['ISSUED VALID', 'LIVRET_STATUS_CHANGED COMPLETE']),
      );
    });

    it('counts facts that arrive at the same moment as their certification, on another topic', async () => {
      for (let round = 0; round < 6; round += 1) {
        const oc = tagged(SEED_VERSIONS['004'], tag());
        const candidateId = randomUUID();
        const facts = [0, 1, 2].map((i) =>
          ccp(candidateId, oc, i, parseLocalDate(`2025-0${i + 1}-10`)),
        );
        t.feed(
          ...(round % 2 === 0 ? [certification(oc), ...facts] : [...facts, certification(oc)]),
        );
        await settled();
        expect(await credentials(candidateId)).toHaveLength(1);
      }
    });

    /** A CDA candidate with CCP1 and CCP2: the final interview and CCP3 are still to come. */
    const cdaAfterTwoCcps = () => {
      const cda = tagged(SEED_VERSIONS['001'], tag());
      const candidateId = randomUUID();
      t.feed(
        certification(cda),
        ccp(candidateId, cda, 0, '2025-01-10'),
        ccp(candidateId, cda, 1, '2025-06-10'),
      );
      return { cda, candidateId };
    };

    it('waits for the last ccp-acquired when the final interview arrives first (R3)', async () => {
      const { cda, candidateId } = cdaAfterTwoCcps();
      t.feed(award(candidateId, cda, '2025-11-20'));
      await settled();
      expect(await credentials(candidateId)).toHaveLength(0);

      t.feed(ccp(candidateId, cda, 2, '2025-11-20'));
      await settled();
      expect(await credentials(candidateId)).toHaveLength(1);
    });

    it('issues nothing when the final interview came before the last component (R3)', async () => {
      const { cda, candidateId } = cdaAfterTwoCcps();
      t.feed(award(candidateId, cda, '2025-06-09'));
      t.feed(ccp(candidateId, cda, 2, '2025-11-20'));
      await settled();
      expect(await credentials(candidateId)).toHaveLength(0);
      await waitFor(async () =>
        expect(
          (await published(candidateId)).map((p) => `${p.change} ${p.livret?.status}`),
        ).toEqual(['LIVRET_STATUS_CHANGED IN_PROGRESS']),
      );
    });

    it('the same event twice, and the same fact under another event id, issue one parchemin', async () => {
      const dwwm = tagged(SEED_VERSIONS['002'], tag());
      const candidateId = randomUUID();
      const awarded = award(candidateId, dwwm, '2025-05-10', {
        outcome: 'TITLE_AWARDED',
        scope: 'FULL_TITLE',
      });
      const decisionId = randomUUID();
      t.feed(
        certification(dwwm),
        awarded,
        awarded,
        ccp(candidateId, dwwm, 0, '2025-05-10', decisionId),
      );
      t.feed(
        ccp(candidateId, dwwm, 0, '2025-05-10', decisionId),
        ccp(candidateId, dwwm, 1, '2025-05-10', decisionId),
      );
      t.feed(eventMessage(titleAwarded, JSON.parse(awarded.value) as never));
      await settled();
      expect(await credentials(candidateId)).toHaveLength(1);
      await waitFor(async () =>
        expect((await published(candidateId)).filter((p) => p.change === 'ISSUED')).toHaveLength(1),
      );
    });

    it('issues a CCS after the title for a holder, whichever arrives first (R7)', async () => {
      const cda = tagged(
        certificationVersion('TP-CCS', ['TP-CCS-CCP1'], {
          requiresFinalInterview: false,
          specializations: [
            { id: 'id-CCS-IA', code: 'TP-CCS-IA', title: 'Intelligence artificielle' },
          ],
        }),
        tag(),
      );
      const candidateId = randomUUID();
      const specializationId = (cda.specializations[0] as { id: string }).id;
      t.feed(
        certification(cda),
        award(candidateId, cda, '2025-12-01', {
          outcome: 'TITLE_AWARDED',
          scope: 'SPECIALIZATION',
          specializationId,
        }),
      );
      await settled();
      expect(await credentials(candidateId)).toHaveLength(0);

      t.feed(ccp(candidateId, cda, 0, '2025-06-01'));
      await settled();
      const issued = await credentials(candidateId);
      expect(
        issued.map((c) => [c.specializationKey, c.number.replace(/-\d{6}$/, '')]).sort(),
      ).toEqual([
        // Each numbered with the year of its own decision (title 2025-06-01, CCS 2025-12-01).
        ['', `${cda.code}-2025`],
        ['TP-CCS-IA', 'TP-CCS-IA-2025'],
      ]);
    });

    it('follows a revision: the livret moves to the new version and keeps what corresponds (R4)', async () => {
      const suffix = tag();
      const old = tagged(
        certificationVersion('TP-REV', ['TP-REV-CCP1', 'TP-REV-CCP2', 'TP-REV-CCP3']),
        suffix,
      );
      const revised = tagged(
        certificationVersion('TP-REV2', ['REV2-CCP1', 'REV2-CCP2'], {
          revisesId: 'id-TP-REV',
          correspondences: [
            { fromComponentIds: ['id-TP-REV-CCP1'], toComponentId: 'id-REV2-CCP1' },
            {
              fromComponentIds: ['id-TP-REV-CCP2', 'id-TP-REV-CCP3'],
              toComponentId: 'id-REV2-CCP2',
            },
          ],
        }),
        suffix,
      );
      const candidateId = randomUUID();
      t.feed(
        certification(old),
        ccp(candidateId, old, 0, '2024-01-10'),
        ccp(candidateId, old, 1, '2024-02-10'),
      );
      await settled();
      t.feed(...revision(old, revised));
      await settled();
      await waitFor(async () =>
        expect(
          (await published(candidateId)).filter((p) => p.change === 'LIVRET_STATUS_CHANGED'),
        ).toHaveLength(1),
      );
      const records = await t.service.records.records(
        await t.service.unitOfWork.reader.livrets.findByCandidates([candidateId]),
      );
      expect(records).toHaveLength(1);
      expect(records[0]?.view).toMatchObject({
        certificationId: revised.id,
        acquiredComponents: [{ componentId: revised.components[0]?.id, viaCorrespondence: true }],
        missingComponents: [{ code: 'REV2-CCP2' }],
      });
    });

    it('replaces the identity by the pseudonym on erasure, and never brings the name back (R13)', async () => {
      const candidateId = randomUUID();
      t.feed(
        candidate(candidateId, { firstName: 'Camille', lastName: 'Durand' }, { version: 1 }),
        candidate(
          candidateId,
          { firstName: 'Anonyme', lastName: 'X7K2' },
          { version: 3, erasedAt: '2026-02-01T10:00:00.000Z' },
        ),
        candidate(candidateId, { firstName: 'Camille', lastName: 'Durand' }, { version: 2 }),
      );
      await settled();
      const [identity] = await t.service.unitOfWork.reader.candidates.findByIds([candidateId]);
      expect(identity).toMatchObject({ firstName: 'Anonyme', lastName: 'X7K2', version: 3 });
    });

    it('publishes LAPSED when the sweep finds a deadline passed without events', async () => {
      const closed = tagged(SEED_VERSIONS['002'], tag());
      const candidateId = randomUUID();
      t.feed(
        certification({ ...closed, registeredUntil: '2026-06-30' }),
        ccp(candidateId, closed, 0, '2025-01-10'),
      );
      await settled();
      t.clock.set('2027-06-30');
      await t.service.sweep.execute();
      await waitFor(async () =>
        expect((await published(candidateId)).map((p) => p.livret?.status)).toEqual([
          'IN_PROGRESS',
        ]),
      );
      t.clock.set('2027-07-01');
      const report = await t.service.sweep.execute();
      expect(report.changed).toBeGreaterThanOrEqual(1);
      await waitFor(async () =>
        expect(
          (await published(candidateId)).map((p) => [
            p.livret?.status,
            p.livret?.capitalizationDeadline,
          ]),
        ).toEqual([
          ['IN_PROGRESS', null],
          ['LAPSED', '2027-06-30'],
        ]),
      );
      t.clock.set('2026-03-01');
    });
  },
);

describeOnMysql('issuing consumers racing on MySQL', () => {
  let t: TestIssuing;
  let replica: EventConsumer;
  beforeAll(async () => {
    t = await startTestIssuing('mysql', { today: '2026-03-01' });
    // A second consumer group on the same database: every fact is handled twice, concurrently.
    const { unitOfWork, dataSource, events } = t.service;
    const recordCcpAcquired = new RecordCcpAcquiredService(t.service.deps);
    const recordTitleAwarded = new RecordTitleAwardedService(t.service.deps);
    replica = new EventConsumer({
      dataSource,
      transport: events.transport,
      groupId: 'issuing-replica',
      retry: { initialDelayMs: 5, maxAttempts: 10 },
    });
    replica
      .on(ccpAcquired, (e, m) =>
        unitOfWork.joining(m, () => recordCcpAcquired.execute(toRecordCcpAcquired(e.data))),
      )
      .on(titleAwarded, (e, m) =>
        unitOfWork.joining(m, () => recordTitleAwarded.execute(toRecordTitleAwarded(e.data))),
      );
    await replica.start();
  });
  afterAll(async () => {
    await replica.stop();
    await t.stop();
  });

  it('two consumers completing the same livret at once end with one parchemin', async () => {
    for (let round = 0; round < 5; round += 1) {
      const oc = tagged(SEED_VERSIONS['004'], randomBytes(3).toString('hex'));
      const candidateId = randomUUID();
      t.feed(eventMessage(certificationChanged, certificationEvent(oc)));
      await waitFor(
        async () =>
          (
            await t.service.dataSource.query(
              'SELECT COUNT(*) AS n FROM known_certification WHERE id = ?',
              [oc.id],
            )
          )[0].n > 0,
      );
      const award = titleAwardedEvent({
        candidateId,
        certificationId: oc.id,
        decidedOn: '2025-05-10',
        outcome: 'TITLE_AWARDED',
        scope: 'FULL_TITLE',
      });
      t.feed(eventMessage(titleAwarded, award));
      await waitFor(() =>
        ['issuing', 'issuing-replica'].every((g) => t.bus.lag(titleAwarded.topic, g) === 0),
      );
      expect(await t.service.dataSource.manager.countBy(CredentialRow, { candidateId })).toBe(1);
    }
  });
});
