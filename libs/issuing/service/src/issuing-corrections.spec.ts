import { randomUUID } from 'node:crypto';
import type { LocalDate } from '@certif/platform-calendar';
import { decodeCloudEvent, type TransportMessage } from '@certif/platform-events';
import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import { certificationVersion, SEED_VERSIONS } from '@certif/issuing-domain/testing';
import type { CertificationVersion } from '@certif/issuing-domain';
import { LivretRow } from '@certif/issuing-adapters';
import { RevokeParcheminService } from '@certif/issuing-application';
import { issuingProbes, startTestIssuing, tagged, type TestIssuing } from './testing';

describeOnEachDatabase(
  'issuing: finality (R4) and decision corrections (R9), whatever the order of events',
  (dialect) => {
    let t: TestIssuing;
    beforeAll(async () => {
      t = await startTestIssuing(dialect, { today: '2026-03-01' });
    });
    afterAll(() => t.stop());

    const probes = issuingProbes(() => t);
    const { tag, deliverInOrder, credentials, certification, revision, award, ccp } = probes;
    const decisionCorrection = probes.correction;
    const valid = async (candidateId: string) =>
      (await credentials(candidateId)).filter((c) => c.status === 'VALID');
    const livret = async (candidateId: string) =>
      t.service.dataSource.manager.findOneByOrFail(LivretRow, { candidateId });

    /** As sessions publishes a TITLE_AWARDED: one ccp-acquired per component and the title. */
    const titleAward = (
      candidateId: string,
      version: CertificationVersion,
      decisionId: string,
      decidedOn: LocalDate,
    ) => [
      ...version.components.map((_, i) => ccp(candidateId, version, i, decidedOn, decisionId)),
      award(candidateId, version, decidedOn, {
        decisionId,
        outcome: 'TITLE_AWARDED',
        scope: 'FULL_TITLE',
      }),
    ];

    describe('R4 finality: a revision never withholds a title awarded on the version before', () => {
      const versions = () => {
        const suffix = tag();
        const v1 = tagged(SEED_VERSIONS['002'], suffix);
        // The revision adds a CCP that nothing of version 1 corresponds to.
        const v2 = tagged(
          certificationVersion('TP-DWWM-2027', ['DWWM27-CCP1', 'DWWM27-CCP2', 'DWWM27-CCP3'], {
            revisesId: 'id-TP-DWWM',
            correspondences: [
              { fromComponentIds: ['id-TP-DWWM-CCP1'], toComponentId: 'id-DWWM27-CCP1' },
              { fromComponentIds: ['id-TP-DWWM-CCP2'], toComponentId: 'id-DWWM27-CCP2' },
            ],
          }),
          suffix,
        );
        return { v1, v2, revised: revision(v1, v2) };
      };

      it.each(['before', 'after'])(
        'the revision arriving %s the award: one VALID parchemin of version 1, dated by the award',
        async (when) => {
          const { v1, revised } = versions();
          const candidateId = randomUUID();
          const awarded = titleAward(candidateId, v1, randomUUID(), '2025-06-10');
          await deliverInOrder([
            certification(v1),
            ...(when === 'before' ? [...revised, ...awarded] : [...awarded, ...revised]),
          ]);
          const issued = await credentials(candidateId);
          expect(issued).toHaveLength(1);
          expect(issued[0]).toMatchObject({
            status: 'VALID',
            certificationId: v1.id,
            obtainedOn: '2025-06-10',
            number: expect.stringMatching(new RegExp(`^${v1.code}-2025-\\d{6}$`)),
          });
          expect(await livret(candidateId)).toMatchObject({
            status: 'COMPLETE',
            certificationId: v1.id,
          });
        },
      );

      it('a candidate still in progress follows the revision and must sit the new CCP', async () => {
        const { v1, v2, revised } = versions();
        const candidateId = randomUUID();
        await deliverInOrder([
          certification(v1),
          ...v1.components.map((_, i) => ccp(candidateId, v1, i, '2025-06-10')),
          ...revised,
          // The final interview, held after the revision, is made under version 2.
          award(candidateId, v2, '2025-11-10'),
        ]);
        expect(await credentials(candidateId)).toHaveLength(0);
        expect(await livret(candidateId)).toMatchObject({
          status: 'IN_PROGRESS',
          certificationId: v2.id,
        });
      });
    });

    describe('R9 corrections: at most one VALID parchemin, whatever the order', () => {
      interface Scenario {
        /** The superseded decisions' own events (ccp-acquired, title-awarded), any topic. */
        facts: TransportMessage[];
        /** The corrections, in the order sessions recorded them (one topic, one key). */
        corrections: TransportMessage[];
      }
      /** `d('D1')`: a decision id of this run only (ids are primary keys in issuing's tables). */
      type Build = (
        candidateId: string,
        version: CertificationVersion,
        d: (name: string) => string,
      ) => Scenario;
      const correction = (
        candidateId: string,
        version: CertificationVersion,
        superseded: string,
        decisionId: string,
        outcome: 'TITLE_AWARDED' | 'NOT_AWARDED',
        decidedOn: LocalDate,
        reason: string,
      ) =>
        decisionCorrection(candidateId, version, {
          decisionId,
          decidedOn,
          supersededDecisionId: superseded,
          outcome,
          reason,
          awardedComponents:
            outcome === 'TITLE_AWARDED'
              ? version.components.map((c) => ({ componentId: c.id, componentCode: c.code }))
              : [],
          withdrawnComponents:
            outcome === 'NOT_AWARDED'
              ? version.components.map((c) => ({ componentId: c.id, componentCode: c.code }))
              : [],
        });

      /** [superseded, decision, outcome, decided on, reason]: one correction, by decision names. */
      type Step = [string, string, 'TITLE_AWARDED' | 'NOT_AWARDED', LocalDate, string];
      /** The title awarded as D1 (or not, `awarded` false), then corrected step by step. */
      const corrected =
        (awarded: boolean, ...steps: Step[]): Build =>
        (candidateId, v, d) => ({
          // NOT_AWARDED publishes no fact: only the corrections.
          facts: awarded ? titleAward(candidateId, v, d('D1'), '2025-06-10') : [],
          corrections: steps.map(([superseded, decision, outcome, decidedOn, reason]) =>
            correction(candidateId, v, d(superseded), d(decision), outcome, decidedOn, reason),
          ),
        });
      const withdrawal: Step = ['D1', 'D2', 'NOT_AWARDED', '2025-06-10', 'CCP2 non acquis'];
      const appeal: Step = ['D2', 'D3', 'TITLE_AWARDED', '2025-06-12', 'recours admis'];
      const redating: Step = ['D1', 'D2', 'TITLE_AWARDED', '2025-06-11', 'date erronée'];
      const misreport: Step = ['D1', 'D2', 'TITLE_AWARDED', '2025-06-12', 'erreur de report'];
      const withdrawn = corrected(true, withdrawal);
      const withdrawnThenAwarded = corrected(true, withdrawal, appeal);
      const dateCorrected = corrected(true, redating);
      const awardedByCorrection = corrected(false, misreport);

      const orders: Record<string, (s: Scenario) => TransportMessage[]> = {
        'facts first': (s) => [...s.facts, ...s.corrections],
        'corrections first': (s) => [...s.corrections, ...s.facts],
        'corrections between the facts': (s) => {
          const half = Math.ceil(s.facts.length / 2);
          return [...s.facts.slice(0, half), ...s.corrections, ...s.facts.slice(half)];
        },
        'everything twice': (s) => {
          const once = [...s.facts, ...s.corrections];
          // A redelivery under new event ids: only the facts' keys make it idempotent.
          return [
            ...once,
            ...once.map((m) => ({ ...m, headers: { ...m.headers, ce_id: randomUUID() } })),
          ];
        },
      };

      it.each`
        scenario                                | build                   | obtainedOn      | livretStatus
        ${'title awarded, then withdrawn'}      | ${withdrawn}            | ${null}         | ${'IN_PROGRESS'}
        ${'withdrawn, then awarded again'}      | ${withdrawnThenAwarded} | ${'2025-06-12'} | ${'COMPLETE'}
        ${'the decision date corrected'}        | ${dateCorrected}        | ${'2025-06-11'} | ${'COMPLETE'}
        ${'NOT_AWARDED corrected to the title'} | ${awardedByCorrection}  | ${'2025-06-12'} | ${'COMPLETE'}
      `('$scenario', async ({ build, obtainedOn, livretStatus }) => {
        for (const [order, arrange] of Object.entries(orders)) {
          const version = tagged(SEED_VERSIONS['002'], tag());
          const candidateId = randomUUID();
          const suffix = tag();
          await deliverInOrder([
            certification(version),
            ...arrange(build(candidateId, version, (name: string) => `${name}-${suffix}`)),
          ]);
          const stillValid = await valid(candidateId);
          expect({ order, valid: stillValid.map((c) => c.obtainedOn) }).toEqual({
            order,
            valid: obtainedOn ? [obtainedOn] : [],
          });
          for (const revoked of (await credentials(candidateId)).filter(
            (c) => c.status === 'REVOKED',
          )) {
            expect(revoked.revokingDecisionId).not.toBeNull();
            expect(revoked.revocationReason).toMatch(/CCP2 non acquis|date erronée/);
          }
          expect({ order, status: (await livret(candidateId)).status }).toEqual({
            order,
            status: livretStatus,
          });
        }
      });

      it('revokes with the correction’s reason and publishes REVOKED, then ISSUED for the new one', async () => {
        const version = tagged(SEED_VERSIONS['002'], tag());
        const candidateId = randomUUID();
        const suffix = tag();
        const d = (name: string) => `${name}-${suffix}`;
        const s = withdrawnThenAwarded(candidateId, version, d);
        await deliverInOrder([certification(version), ...s.facts, ...s.corrections]);
        const [first, second] = await credentials(candidateId);
        expect(first).toMatchObject({
          status: 'REVOKED',
          obtainedOn: '2025-06-10',
          revocationReason: 'CCP2 non acquis',
          revokingDecisionId: d('D2'),
        });
        expect(second).toMatchObject({ status: 'VALID', obtainedOn: '2025-06-12' });
        await t.service.events.drain();
        const published = t.bus
          .messages('issuing.credential.v1')
          .map((m) => decodeCloudEvent(m).data as Record<string, unknown>)
          .filter((p) => p['candidateId'] === candidateId)
          .map((p) =>
            p['change'] === 'LIVRET_STATUS_CHANGED'
              ? `LIVRET ${(p['livret'] as { status: string }).status}`
              : `${p['change'] as string} ${(p['credential'] as { number: string }).number}${p['reason'] ? ` (${p['reason'] as string})` : ''}`,
          );
        expect(published).toEqual([
          'LIVRET IN_PROGRESS',
          `ISSUED ${first?.number}`,
          'LIVRET COMPLETE',
          `REVOKED ${first?.number} (CCP2 non acquis)`,
          'LIVRET IN_PROGRESS',
          `ISSUED ${second?.number}`,
          'LIVRET COMPLETE',
        ]);
      });

      it('R7: a CCS follows its title withdrawn and re-issued, and falls alone when its own decision is', async () => {
        const version = tagged(
          certificationVersion('TP-CCS', ['TP-CCS-CCP1'], {
            requiresFinalInterview: false,
            specializations: [
              { id: 'id-CCS-IA', code: 'TP-CCS-IA', title: 'Intelligence artificielle' },
            ],
          }),
          tag(),
        );
        const component = version.components[0] as { id: string; code: string };
        const candidateId = randomUUID();
        const d = (
          (suffix) => (name: string) =>
            `${name}-${suffix}`
        )(tag());
        const componentCorrection = (
          superseded: string,
          decisionId: string,
          awarded: boolean,
          reason: string,
        ) =>
          decisionCorrection(candidateId, version, {
            decisionId,
            decidedOn: '2025-06-10',
            supersededDecisionId: superseded,
            outcome: awarded ? 'COMPONENTS_AWARDED' : 'NOT_AWARDED',
            scope: 'COMPONENTS',
            reason,
            awardedComponents: awarded
              ? [{ componentId: component.id, componentCode: component.code }]
              : [],
          });
        const statuses = async () =>
          (await credentials(candidateId))
            .map((c) => `${c.specializationKey || 'title'} ${c.status}`)
            .sort();

        await deliverInOrder([
          certification(version),
          ccp(candidateId, version, 0, '2025-06-10', d('D1')),
          award(candidateId, version, '2025-12-01', {
            decisionId: d('S1'),
            outcome: 'TITLE_AWARDED',
            scope: 'SPECIALIZATION',
            specializationId: (version.specializations[0] as { id: string }).id,
          }),
        ]);
        expect(await statuses()).toEqual(['TP-CCS-IA VALID', 'title VALID']);

        await deliverInOrder([componentCorrection(d('D1'), d('D2'), false, 'CCP1 non acquis')]);
        expect(await statuses()).toEqual(['TP-CCS-IA REVOKED', 'title REVOKED']);

        await deliverInOrder([componentCorrection(d('D2'), d('D3'), true, 'recours admis')]);
        expect(await statuses()).toEqual([
          'TP-CCS-IA REVOKED',
          'TP-CCS-IA VALID',
          'title REVOKED',
          'title VALID',
        ]);

        await deliverInOrder([
          decisionCorrection(candidateId, version, {
            decisionId: d('S2'),
            decidedOn: '2025-12-01',
            supersededDecisionId: d('S1'),
            outcome: 'NOT_AWARDED',
            scope: 'SPECIALIZATION',
            specializationId: (version.specializations[0] as { id: string }).id,
            reason: 'CCS : épreuve non passée',
          }),
        ]);
        expect((await valid(candidateId)).map((c) => c.specializationKey)).toEqual(['']);
      });

      it('never re-issues a parchemin a person revoked, whatever a correction says', async () => {
        const version = tagged(SEED_VERSIONS['002'], tag());
        const candidateId = randomUUID();
        const suffix = tag();
        await deliverInOrder([
          certification(version),
          ...titleAward(candidateId, version, `D1-${suffix}`, '2025-06-10'),
        ]);
        const [issued] = await credentials(candidateId);
        await new RevokeParcheminService(t.service.deps).execute(
          { id: issued?.id as string, reason: 'fraude constatée' },
          { sub: 'manager-1', roles: ['SESSION_MANAGER'] },
        );
        await deliverInOrder([
          correction(
            candidateId,
            version,
            `D1-${suffix}`,
            `D2-${suffix}`,
            'TITLE_AWARDED',
            '2025-06-11',
            'date',
          ),
        ]);
        expect((await credentials(candidateId)).map((c) => c.status)).toEqual(['REVOKED']);
      });
    });
  },
);
