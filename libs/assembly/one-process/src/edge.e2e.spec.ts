import { fixedClock } from '@certif/platform-calendar';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import { TypeOrmReadModelRepository } from '@certif/sessions-adapters';
import type { RunningSessionsService } from '@certif/sessions-service';
import {
  startTestPlatform,
  type GraphQLResponse,
  type TestPlatform,
  contractOperationLookup,
} from './testing';

jest.setTimeout(120_000);

const op = contractOperationLookup();
const codes = (response: GraphQLResponse) => [
  ...new Set(response.errors?.map((e) => e.extensions?.['code'])),
];

/** Every personal field of a candidate, read the way a front-end could. */
const PERSONAL = `query Personal($id: ID!) {
  candidate(id: $id) { id firstName lastName email birthDate accommodations
    enrollments { id vaeAdmissibility { noticeNumber } } }
}`;
/** The same, reached through a session's registrations (an entity reference to candidates). */
const SESSION_PERSONAL = `query SessionPersonal($id: ID!) {
  session(id: $id) { id registrations { candidate { id firstName lastName email birthDate accommodations
    enrollments { vaeAdmissibility { noticeNumber } } } } }
}`;

/**
 * Issue 12 end to end: personal data for admins, the candidate, and managers of a centre where
 * the candidate is registered; the `centers` claim scopes a session manager's sessions.
 */
describeOnEachDatabase('who sees what, through the gateway', (dialect) => {
  let t: TestPlatform;
  let lyon: string;
  let nantes: string;
  let everywhere: string;
  let juror: string;
  let candidateId: string;
  let enrollmentId: string;
  let sessionId: string;
  let certificationId: string;

  beforeAll(async () => {
    t = await startTestPlatform(dialect, { clock: fixedClock('2025-05-01') });
    lyon = await t.token(['SESSION_MANAGER'], { sub: 'lyon', centers: ['AFPA Lyon'] });
    nantes = await t.token(['SESSION_MANAGER'], { sub: 'nantes', centers: ['AFPA Nantes'] });
    everywhere = await t.token(['SESSION_MANAGER'], { sub: 'national' });
    juror = await t.token(['JURY_MEMBER'], { sub: 'juror-lyon' });
    const found = await t.graphql(op('CertificationByCode'), { code: 'TP-CDA' }, everywhere);
    certificationId = (found.data?.['certification'] as { id: string }).id;
    const sessions = t.platform.services['sessions'] as RunningSessionsService;
    await waitFor(async () => {
      const views = await new TypeOrmReadModelRepository(
        sessions.dataSource.manager,
      ).certificationsByIds([certificationId]);
      expect(views).toHaveLength(1);
    });
  });
  afterAll(() => t.stop());

  it('the manager who registers a candidate sees what they typed in, even before any session', async () => {
    const response = await t.graphql(
      op('RegisterCandidate'),
      {
        input: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          birthDate: '1990-04-12',
          email: 'ada.lovelace@example.org',
          accommodations: ['tiers-temps'],
        },
      },
      lyon,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.['registerCandidate']).toMatchObject({
      email: 'ada.lovelace@example.org',
      birthDate: '1990-04-12',
    });
    candidateId = (response.data?.['registerCandidate'] as { id: string }).id;
    const enrolled = await waitFor(async () => {
      const r = await t.graphql(
        op('EnrollCandidate'),
        { input: { candidateId, certificationId, pathway: 'VAE', startedOn: '2025-01-06' } },
        lyon,
      );
      if (r.errors) throw new Error(r.errors[0]?.message);
      return r;
    });
    enrollmentId = (enrolled.data?.['enrollCandidate'] as { id: string }).id;
    const notice = {
      noticeNumber: 'DREETS-ARA-2025-0007',
      issuedOn: '2025-02-03',
      issuedBy: 'DREETS Auvergne-Rhône-Alpes',
      experienceYears: 10,
    };
    const recorded = await t.graphql(
      op('RecordVaeAdmissibility'),
      { enrollmentId, input: notice },
      lyon,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.['recordVaeAdmissibility']).toMatchObject({
      vaeAdmissibility: { noticeNumber: 'DREETS-ARA-2025-0007' },
    });
  });

  it('a manager limited to centres reads no personal data of a candidate registered nowhere', async () => {
    const response = await t.graphql(PERSONAL, { id: candidateId }, lyon);
    expect(response.data?.['candidate']).toMatchObject({
      firstName: 'Ada',
      email: null,
      birthDate: null,
      accommodations: null,
      enrollments: [{ vaeAdmissibility: null }],
    });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    const national = await t.graphql(PERSONAL, { id: candidateId }, everywhere);
    expect(national.errors).toBeUndefined();
    expect(national.data?.['candidate']).toMatchObject({ email: 'ada.lovelace@example.org' });
  });

  it('centers claim: plans, staffs and registers only in the listed centres', async () => {
    const input = {
      certificationId,
      scope: 'FULL_TITLE',
      startsOn: '2025-06-02',
      endsOn: '2025-06-06',
    };
    const elsewhere = await t.graphql(
      op('PlanSession'),
      { input: { ...input, center: 'AFPA Nantes' } },
      lyon,
    );
    expect(codes(elsewhere)).toEqual(['FORBIDDEN']);
    expect(elsewhere.errors?.[0]?.message).toMatch(/not AFPA Nantes/);

    const planned = await t.graphql(
      op('PlanSession'),
      { input: { ...input, center: 'AFPA Lyon' } },
      lyon,
    );
    expect(planned.errors).toBeUndefined();
    sessionId = (planned.data?.['planSession'] as { id: string }).id;

    const jurorInput = { userId: 'juror-lyon', name: 'Juré de Lyon', role: 'PROFESSIONAL' };
    const staffedByNantes = await t.graphql(
      op('AddJuror'),
      { sessionId, input: jurorInput },
      nantes,
    );
    expect(codes(staffedByNantes)).toEqual(['FORBIDDEN']);
    const staffed = await t.graphql(op('AddJuror'), { sessionId, input: jurorInput }, lyon);
    expect(staffed.errors).toBeUndefined();

    const registeredByNantes = await t.graphql(
      op('RegisterToSession'),
      { sessionId, enrollmentId },
      nantes,
    );
    expect(codes(registeredByNantes)).toEqual(['FORBIDDEN']);
    const registered = await t.graphql(op('RegisterToSession'), { sessionId, enrollmentId }, lyon);
    expect(registered.errors).toBeUndefined();

    expect(codes(await t.graphql(op('Session'), { id: sessionId }, nantes))).toEqual(['FORBIDDEN']);
    const read = await t.graphql(op('Session'), { id: sessionId }, lyon);
    expect(read.errors).toBeUndefined();
    const national = await t.graphql(op('Session'), { id: sessionId }, everywhere);
    expect(national.errors).toBeUndefined();
  });

  it("once registered in Lyon, Lyon's managers see the candidate's personal data; Nantes' do not", async () => {
    const seen = await waitFor(async () => {
      const response = await t.graphql(PERSONAL, { id: candidateId }, lyon);
      expect(response.errors).toBeUndefined();
      return response;
    });
    expect(seen.data?.['candidate']).toMatchObject({
      email: 'ada.lovelace@example.org',
      birthDate: '1990-04-12',
      accommodations: ['tiers-temps'],
      enrollments: [{ vaeAdmissibility: { noticeNumber: 'DREETS-ARA-2025-0007' } }],
    });
    const fromNantes = await t.graphql(PERSONAL, { id: candidateId }, nantes);
    expect(fromNantes.data?.['candidate']).toMatchObject({ firstName: 'Ada', email: null });
    expect(codes(fromNantes)).toEqual(['FORBIDDEN']);
  });

  it('a juror of the session sees names only, through the session and its references', async () => {
    const response = await t.graphql(SESSION_PERSONAL, { id: sessionId }, juror);
    expect(response.data?.['session']).toEqual({
      id: sessionId,
      registrations: [
        {
          candidate: {
            id: candidateId,
            firstName: 'Ada',
            lastName: 'Lovelace',
            email: null,
            birthDate: null,
            accommodations: null,
            enrollments: [{ vaeAdmissibility: null }],
          },
        },
      ],
    });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors).toHaveLength(4);
    // The contract's own Session operation asks for names only: no error for the juror.
    expect((await t.graphql(op('Session'), { id: sessionId }, juror)).errors).toBeUndefined();
  });

  it('a juror reads neither the candidate record nor anyone’s exported data', async () => {
    expect(codes(await t.graphql(PERSONAL, { id: candidateId }, juror))).toEqual(['FORBIDDEN']);
    expect(codes(await t.graphql(op('ExportMyData'), {}, juror))).toEqual(['FORBIDDEN']);
    const withClaim = await t.token(['JURY_MEMBER'], { sub: 'juror-lyon', candidateId });
    expect(codes(await t.graphql(op('ExportMyData'), {}, withClaim))).toEqual(['FORBIDDEN']);
  });

  it('the candidate sees their own data, and exports it', async () => {
    const self = await t.token(['CANDIDATE'], { sub: 'ada', candidateId });
    const read = await t.graphql(PERSONAL, { id: candidateId }, self);
    expect(read.errors).toBeUndefined();
    expect(read.data?.['candidate']).toMatchObject({ email: 'ada.lovelace@example.org' });
    const exported = await t.graphql(op('ExportMyData'), {}, self);
    expect(exported.errors).toBeUndefined();
    expect(JSON.stringify(exported.data)).toContain('ada.lovelace@example.org');
  });
});
