import { fixedClock } from '@certif/platform-calendar';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import type { RunningIssuingService } from '@certif/issuing-service';
import { startTestPlatform, type TestPlatform, contractOperationLookup } from './testing';

jest.setTimeout(240_000);

// The operations of this release and of the next one (../shared/contract).
const op = contractOperationLookup({ next: true });

interface Credential {
  id: string;
  number: string;
  status: 'VALID' | 'REVOKED';
  issuedOn: string;
  obtainedOn: string;
  revocationReason: string | null;
  verificationCode: string;
  certification: { code: string };
}
interface Livret {
  status: string;
  capitalizationDeadline: string | null;
  certification: { code: string };
  missingComponents: { code: string }[];
}

/**
 * Issue 11 through the gateway: a correction that revokes, then re-issues (R9); a revision arriving
 * before and after an award (R4, finality); a session in R5's year of grace — each from the
 * mutations a certifier, a centre and a jury send, to the parchemin issuing delivers.
 */
describeOnEachDatabase(
  'issuing through the gateway: finality, corrections, grace year',
  (dialect) => {
    let t: TestPlatform;
    let admin: string;
    let manager: string;
    let certifier: string;
    let juror: string;

    const issuing = () => t.platform.services['issuing'] as RunningIssuingService;

    async function ok<T = Record<string, unknown>>(
      name: string,
      variables: Record<string, unknown>,
      token: string,
    ): Promise<T> {
      // Retries while a service has not received an event it needs yet (read models).
      return waitFor(async () => {
        const response = await t.graphql<T>(op(name), variables, token);
        if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
        return response.data as T;
      });
    }

    async function title(
      code: string,
    ): Promise<{ id: string; components: { id: string; code: string }[] }> {
      const created = await ok<{
        createCertification: { id: string; components: { id: string; code: string }[] };
      }>(
        'CreateCertification',
        {
          input: {
            code,
            title: `Titre ${code}`,
            kind: 'PROFESSIONAL_TITLE',
            level: 5,
            certifier: { name: 'Ministère du Travail' },
            capitalizationRule: 'WITHIN_TITLE_VALIDITY',
            requiresFinalInterview: true,
            components: [1, 2].map((i) => ({
              code: `${code}-CCP${i}`,
              title: `CCP ${i}`,
              kind: 'CCP',
            })),
          },
        },
        certifier,
      );
      await ok('PublishCertification', { id: created.createCertification.id }, certifier);
      return created.createCertification;
    }

    async function candidate(lastName: string, certificationId: string) {
      const registered = await ok<{ registerCandidate: { id: string } }>(
        'RegisterCandidate',
        { input: { firstName: 'Camille', lastName } },
        manager,
      );
      const candidateId = registered.registerCandidate.id;
      const enrolled = await ok<{ enrollCandidate: { id: string } }>(
        'EnrollCandidate',
        {
          input: {
            candidateId,
            certificationId,
            pathway: 'CONTINUOUS_TRAINING',
            startedOn: '2025-09-01',
          },
        },
        manager,
      );
      return { candidateId, enrollmentId: enrolled.enrollCandidate.id };
    }

    /** A session with its jury of two professionals (R9, 2016 rules) and its candidates registered. */
    async function session(
      certificationId: string,
      dates: { startsOn: string; endsOn: string },
      enrollmentIds: string[],
      componentIds?: string[],
    ): Promise<{ sessionId: string; registrationIds: string[] }> {
      const planned = await ok<{ planSession: { id: string } }>(
        'PlanSession',
        {
          input: {
            certificationId,
            scope: componentIds ? 'COMPONENTS' : 'FULL_TITLE',
            ...(componentIds ? { componentIds } : {}),
            center: 'AFPA Sète',
            ...dates,
          },
        },
        manager,
      );
      const sessionId = planned.planSession.id;
      for (const [userId, name] of [
        ['pro-1', 'Juliette Martin'],
        ['pro-2', 'Karim Benali'],
      ])
        await ok('AddJuror', { sessionId, input: { userId, name, role: 'PROFESSIONAL' } }, manager);
      const registrationIds: string[] = [];
      for (const enrollmentId of enrollmentIds) {
        const registered = await ok<{ registerToSession: { id: string } }>(
          'RegisterToSession',
          { sessionId, enrollmentId },
          manager,
        );
        registrationIds.push(registered.registerToSession.id);
      }
      return { sessionId, registrationIds };
    }

    const deliberate = (sessionId: string, decisions: Record<string, unknown>[]) =>
      ok('RecordDeliberation', { sessionId, decisions }, juror);

    const records = async (candidateId: string) =>
      (
        await ok<{ candidate: { credentials: Credential[]; livrets: Livret[] } }>(
          'CandidateCredentials',
          { id: candidateId },
          admin,
        )
      ).candidate;

    /** Waits until issuing's answer satisfies `check` (events travel after each mutation). */
    const recordsWhen = (
      candidateId: string,
      check: (r: { credentials: Credential[]; livrets: Livret[] }) => boolean,
    ) =>
      waitFor(async () => {
        const found = await records(candidateId);
        if (!check(found)) throw new Error(`not yet: ${JSON.stringify(found)}`);
        return found;
      });

    beforeAll(async () => {
      t = await startTestPlatform(dialect, { clock: fixedClock('2026-06-10'), loadSeeds: false });
      admin = await t.token(['ADMIN']);
      manager = await t.token(['SESSION_MANAGER'], { sub: 'centre-sete' });
      certifier = await t.token(['REFERENTIAL_MANAGER']);
      juror = await t.token(['JURY_MEMBER'], { sub: 'pro-1' });
    });
    afterAll(() => t.stop());

    it('R9: a correction revokes the parchemin with its reason, a second one re-issues it', async () => {
      const cert = await title('TP-E2E-COR');
      const { candidateId, enrollmentId } = await candidate('Corrigée', cert.id);
      const { sessionId, registrationIds } = await session(
        cert.id,
        { startsOn: '2026-06-01', endsOn: '2026-06-05' },
        [enrollmentId],
      );
      const registrationId = registrationIds[0] as string;
      await deliberate(sessionId, [
        {
          registrationId,
          outcome: 'TITLE_AWARDED',
          finalInterviewPassed: true,
          decidedOn: '2026-06-05',
        },
      ]);
      const awarded = await recordsWhen(candidateId, (r) => r.credentials.length === 1);
      expect(awarded.credentials[0]).toMatchObject({
        status: 'VALID',
        obtainedOn: '2026-06-05',
        revocationReason: null,
        number: expect.stringMatching(/^TP-E2E-COR-2026-\d{6}$/),
      });

      await ok(
        'CorrectDecision',
        {
          registrationId,
          input: {
            outcome: 'NOT_AWARDED',
            decidedOn: '2026-06-05',
            reason: 'CCP2 non acquis : erreur de report',
          },
        },
        juror,
      );
      const withdrawn = await recordsWhen(
        candidateId,
        (r) => r.credentials[0]?.status === 'REVOKED',
      );
      expect(withdrawn.credentials).toEqual([
        expect.objectContaining({
          id: awarded.credentials[0]?.id,
          status: 'REVOKED',
          revocationReason: 'CCP2 non acquis : erreur de report',
        }),
      ]);
      expect(withdrawn.livrets[0]).toMatchObject({ status: 'IN_PROGRESS' });
      const verified = await t.graphql(op('VerifyCredential'), {
        code: awarded.credentials[0]?.verificationCode,
      });
      expect(verified.data?.['verifyCredential']).toMatchObject({
        valid: false,
        status: 'REVOKED',
      });

      const corrected = await ok<{ correctDecision: { decisionHistory: unknown[] } }>(
        'CorrectDecision',
        {
          registrationId,
          input: {
            outcome: 'TITLE_AWARDED',
            finalInterviewPassed: true,
            decidedOn: '2026-06-08',
            reason: 'recours gracieux admis',
          },
        },
        juror,
      );
      expect(corrected.correctDecision.decisionHistory).toHaveLength(3);
      const reissued = await recordsWhen(candidateId, (r) => r.credentials.length === 2);
      expect(reissued.credentials.map((c) => [c.status, c.obtainedOn])).toEqual([
        ['REVOKED', '2026-06-05'],
        ['VALID', '2026-06-08'],
      ]);
      expect(reissued.livrets[0]).toMatchObject({
        status: 'COMPLETE',
        certification: { code: 'TP-E2E-COR' },
      });
    });

    it('R4: a revision never withholds a title awarded on the version before, before or after the award', async () => {
      const cert = await title('TP-E2E-REV');
      const early = await candidate('Avant', cert.id);
      const late = await candidate('Après', cert.id);
      const first = await session(cert.id, { startsOn: '2026-05-04', endsOn: '2026-05-06' }, [
        early.enrollmentId,
      ]);
      const second = await session(cert.id, { startsOn: '2026-05-11', endsOn: '2026-05-13' }, [
        late.enrollmentId,
      ]);
      const award = (registrationId: string, decidedOn: string) => [
        { registrationId, outcome: 'TITLE_AWARDED', finalInterviewPassed: true, decidedOn },
      ];

      // Awarded before the revision.
      await deliberate(first.sessionId, award(first.registrationIds[0] as string, '2026-05-06'));
      await recordsWhen(early.candidateId, (r) => r.credentials.length === 1);

      // The revision adds a CCP that nothing of version 1 corresponds to.
      const revised = await ok<{ reviseCertification: { id: string } }>(
        'ReviseCertification',
        {
          id: cert.id,
          input: {
            code: 'TP-E2E-REV2',
            components: [1, 2, 3].map((i) => ({
              code: `TP-E2E-REV2-CCP${i}`,
              title: `CCP ${i}`,
              kind: 'CCP',
            })),
            correspondences: [
              { from: ['TP-E2E-REV-CCP1'], to: 'TP-E2E-REV2-CCP1' },
              { from: ['TP-E2E-REV-CCP2'], to: 'TP-E2E-REV2-CCP2' },
            ],
          },
        },
        certifier,
      );
      // Issuing knows the revision before it hears of the second award.
      await waitFor(async () => {
        const lineage = await issuing().unitOfWork.reader.certifications.lineageOf(cert.id);
        expect(lineage?.versions.map((v) => v.id)).toEqual([
          cert.id,
          revised.reviseCertification.id,
        ]);
      });
      await deliberate(second.sessionId, award(second.registrationIds[0] as string, '2026-05-13'));

      for (const [who, obtainedOn] of [
        [early, '2026-05-06'],
        [late, '2026-05-13'],
      ] as const) {
        const found = await recordsWhen(who.candidateId, (r) => r.credentials.length === 1);
        expect(found.credentials[0]).toMatchObject({
          status: 'VALID',
          obtainedOn,
          certification: { code: 'TP-E2E-REV' },
        });
        expect(found.livrets).toEqual([
          expect.objectContaining({
            status: 'COMPLETE',
            certification: { code: 'TP-E2E-REV' },
            missingComponents: [],
          }),
        ]);
      }
    });

    it('R5: a candidate holding a CCP completes the title in a session of the grace year', async () => {
      const cert = await title('TP-E2E-GRACE');
      const [ccp1, ccp2] = cert.components.map((c) => c.id) as [string, string];
      const { candidateId, enrollmentId } = await candidate('Grâce', cert.id);
      const before = await session(
        cert.id,
        { startsOn: '2025-10-01', endsOn: '2025-10-02' },
        [enrollmentId],
        [ccp1],
      );
      await deliberate(before.sessionId, [
        {
          registrationId: before.registrationIds[0],
          outcome: 'COMPONENTS_AWARDED',
          awardedComponentIds: [ccp1],
          decidedOn: '2025-10-02',
        },
      ]);
      await recordsWhen(candidateId, (r) => r.livrets.length === 1);
      await ok('CloseCertification', { id: cert.id, closedOn: '2025-12-31' }, certifier);

      // Closed on 2025-12-31: the year of grace ends on 2026-12-31, for sessions and for issuing.
      const grace = await session(
        cert.id,
        { startsOn: '2026-05-04', endsOn: '2026-05-05' },
        [enrollmentId],
        [ccp2],
      );
      await deliberate(grace.sessionId, [
        {
          registrationId: grace.registrationIds[0],
          outcome: 'COMPONENTS_AWARDED',
          awardedComponentIds: [ccp2],
          finalInterviewPassed: true,
          decidedOn: '2026-05-05',
        },
      ]);
      const found = await recordsWhen(candidateId, (r) => r.credentials.length === 1);
      expect(found.credentials[0]).toMatchObject({ status: 'VALID', obtainedOn: '2026-05-05' });
      expect(found.livrets[0]).toMatchObject({
        status: 'COMPLETE',
        capitalizationDeadline: '2026-12-31',
      });
    });
  },
);
