import { fixedClock } from '@certif/platform-calendar';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import type { RunningCandidatesService } from '@certif/candidates-service';
import {
  startTestPlatform,
  type GraphQLResponse,
  type TestPlatform,
  contractOperationLookup,
  errorCode as code,
  errorMessage as message,
} from './testing';

jest.setTimeout(120_000);

const op = contractOperationLookup();
/** The contract's `Me` also selects issuing's livrets and credentials; this is candidates' part. */
const ME = 'query MyRecord { me { id firstName lastName erasedAt accommodations } }';
const CANDIDATE = `query Candidate($id: ID!) {
  candidate(id: $id) { id firstName lastName birthDate email accommodations enrollments { id pathway certification { code } } }
}`;

describeOnEachDatabase('candidates through the gateway', (dialect) => {
  let t: TestPlatform;
  let manager: string;
  const certificationIds: Record<string, string> = {};

  const data = <T>(response: GraphQLResponse, field: string): T => {
    expect(response.errors).toBeUndefined();
    return response.data?.[field] as T;
  };
  const register = async (input: Record<string, unknown>) =>
    data<{
      id: string;
      firstName: string;
      lastName: string;
      birthDate: string | null;
      email: string | null;
    }>(
      await t.graphql(
        op('RegisterCandidate'),
        { input: { firstName: 'Léa', lastName: 'Martin', ...input } },
        manager,
      ),
      'registerCandidate',
    );
  const enrol = (candidateId: string, certification: string, input: Record<string, unknown> = {}) =>
    t.graphql(
      op('EnrollCandidate'),
      {
        input: {
          candidateId,
          certificationId: certificationIds[certification] ?? certification,
          pathway: 'CONTINUOUS_TRAINING',
          startedOn: '2026-09-01',
          ...input,
        },
      },
      manager,
    );
  const candidateToken = (candidateId: string) =>
    t.token(['CANDIDATE'], { candidateId, sub: `user-${candidateId}` });

  beforeAll(async () => {
    t = await startTestPlatform(dialect, { clock: fixedClock('2026-11-22') });
    manager = await t.token(['SESSION_MANAGER']);
    for (const seed of ['TP-CDA', 'TP-DL', 'TP-DWWM', 'RNCP36912', 'RNCP28754']) {
      const response = await t.graphql(op('CertificationByCode'), { code: seed }, manager);
      certificationIds[seed] = (response.data?.['certification'] as { id: string }).id;
    }
    // The candidates service learns of certifications through referentials' events only.
    const candidates = t.platform.services['candidates'] as RunningCandidatesService;
    await waitFor(async () => {
      expect(
        await candidates.certifications.findByIds(Object.values(certificationIds)),
      ).toHaveLength(5);
    });
  });
  afterAll(() => t.stop());

  it('registers a candidate: names trimmed, email lower-cased, accommodations kept for those allowed', async () => {
    const registered = await register({
      firstName: '  Émilie ',
      lastName: 'Durand ',
      birthDate: '1990-05-17',
      email: 'Emilie.Durand@Example.FR',
      accommodations: ['tiers-temps'],
    });
    expect(registered).toEqual({
      id: expect.any(String),
      firstName: 'Émilie',
      lastName: 'Durand',
      birthDate: '1990-05-17',
      email: 'emilie.durand@example.fr',
    });
    const read = await t.graphql(CANDIDATE, { id: registered.id }, manager);
    expect(data(read, 'candidate')).toMatchObject({
      accommodations: ['tiers-temps'],
      enrollments: [],
    });
  });

  it('enrols a candidate in a seed certification, resolved through referentials', async () => {
    const candidate = await register({ lastName: 'Enrolée' });
    const enrolled = data<Record<string, unknown>>(
      await enrol(candidate.id, 'TP-CDA', { trainingCenter: ' AFPA Lyon ' }),
      'enrollCandidate',
    );
    expect(enrolled).toEqual({
      id: expect.any(String),
      pathway: 'CONTINUOUS_TRAINING',
      startedOn: '2026-09-01',
      trainingCenter: 'AFPA Lyon',
      certification: {
        id: certificationIds['TP-CDA'],
        code: 'TP-CDA',
        title: 'Concepteur développeur d’applications',
      },
    });
    const read = await t.graphql(CANDIDATE, { id: candidate.id }, manager);
    expect(data<{ enrollments: unknown[] }>(read, 'candidate').enrollments).toEqual([
      { id: enrolled['id'], pathway: 'CONTINUOUS_TRAINING', certification: { code: 'TP-CDA' } },
    ]);
  });

  it('records a VAE recevabilité, refusing less experience than TP-DL requires (R6)', async () => {
    const candidate = await register({ lastName: 'Validée' });
    const enrollment = data<{ id: string }>(
      await enrol(candidate.id, 'TP-DL', { pathway: 'VAE' }),
      'enrollCandidate',
    );
    const notice = {
      noticeNumber: 'DREETS-ARA-2026-0042',
      issuedOn: '2026-06-15',
      issuedBy: 'DREETS Auvergne-Rhône-Alpes',
    };

    const missing = await t.graphql(
      op('RecordVaeAdmissibility'),
      { enrollmentId: enrollment.id, input: notice },
      manager,
    );
    expect(code(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      field: 'input.experienceYears',
      rule: 'R6',
    });
    const below = await t.graphql(
      op('RecordVaeAdmissibility'),
      { enrollmentId: enrollment.id, input: { ...notice, experienceYears: 2.5 } },
      manager,
    );
    expect(message(below)).toMatch(/TP-DL requires 3 years of experience for VAE \(R6\)/);

    const recorded = await t.graphql(
      op('RecordVaeAdmissibility'),
      { enrollmentId: enrollment.id, input: { ...notice, experienceYears: 3 } },
      manager,
    );
    expect(data(recorded, 'recordVaeAdmissibility')).toEqual({
      id: enrollment.id,
      vaeAdmissibility: {
        noticeNumber: 'DREETS-ARA-2026-0042',
        issuedOn: '2026-06-15',
        issuedBy: 'DREETS Auvergne-Rhône-Alpes',
      },
    });

    const other = data<{ id: string }>(await enrol(candidate.id, 'TP-CDA'), 'enrollCandidate');
    const notVae = await t.graphql(
      op('RecordVaeAdmissibility'),
      { enrollmentId: other.id, input: { ...notice, experienceYears: 3 } },
      manager,
    );
    expect(notVae.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'R6' });
  });

  it('searches by name ignoring case and accents, page by page', async () => {
    for (const firstName of ['Anaïs', 'Bérénice', 'Chloé', 'Dounia', 'Élise']) {
      await register({ firstName, lastName: 'Pagés' });
    }
    type Page = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { firstName: string } }[];
    };
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = data(
        await t.graphql(op('Candidates'), { search: 'PAGES', first: 2, after }, manager),
        'candidates',
      );
      expect(page.totalCount).toBe(5);
      names.push(...page.edges.map((e) => e.node.firstName));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(['Anaïs', 'Bérénice', 'Chloé', 'Dounia', 'Élise']);
    const one = data<Page>(
      await t.graphql(op('Candidates'), { search: 'pages berenice' }, manager),
      'candidates',
    );
    expect(one.edges.map((e) => e.node.firstName)).toEqual(['Bérénice']);
    // Without a search (the variable omitted): the whole list.
    const all = data<Page>(
      await t.graphql(op('Candidates'), { first: 100 }, manager),
      'candidates',
    );
    expect(all.totalCount).toBeGreaterThanOrEqual(5);
  });

  it('me, candidate(id) and exportMyData for the candidate themself', async () => {
    const candidate = await register({
      lastName: 'Moi',
      email: 'moi@example.fr',
      accommodations: ['salle accessible'],
    });
    const vae = data<{ id: string }>(
      await enrol(candidate.id, 'TP-DWWM', { pathway: 'VAE' }),
      'enrollCandidate',
    );
    await t.graphql(
      op('RecordVaeAdmissibility'),
      {
        enrollmentId: vae.id,
        input: {
          noticeNumber: 'N-7',
          issuedOn: '2026-01-10',
          issuedBy: 'DREETS',
          experienceYears: 2,
        },
      },
      manager,
    );
    const token = await candidateToken(candidate.id);

    expect(data(await t.graphql(ME, {}, token), 'me')).toEqual({
      id: candidate.id,
      firstName: 'Léa',
      lastName: 'Moi',
      erasedAt: null,
      accommodations: ['salle accessible'],
    });
    expect(
      data(await t.graphql(CANDIDATE, { id: candidate.id }, token), 'candidate'),
    ).toMatchObject({ lastName: 'Moi' });
    expect(data(await t.graphql(ME, {}, await t.token(['CANDIDATE'])), 'me')).toBeNull();

    const exported = data<Record<string, unknown>>(
      await t.graphql(op('ExportMyData'), {}, token),
      'exportMyData',
    );
    expect(exported).toMatchObject({
      generatedAt: '2026-11-22T12:00:00.000Z',
      candidateId: candidate.id,
      sources: ['candidates', 'issuing'],
      sections: {
        // What issuing prints on documents: it learnt the name from candidates.candidate.v1.
        issuing: {
          identity: { firstName: 'Léa', lastName: 'Moi', erasedAt: null },
          parchemins: [],
        },
        candidates: {
          candidate: {
            id: candidate.id,
            lastName: 'Moi',
            email: 'moi@example.fr',
            accommodations: ['salle accessible'],
            erasedAt: null,
          },
          enrollments: [
            {
              id: vae.id,
              pathway: 'VAE',
              certification: { code: 'TP-DWWM' },
              vaeAdmissibility: {
                noticeNumber: 'N-7',
                experienceYears: 2,
                requiredExperienceYears: 1,
              },
            },
          ],
        },
      },
    });
  });

  it('erases a candidate (R13): pseudonym, idempotent, no longer found by name', async () => {
    const candidate = await register({
      firstName: 'Gaspard',
      lastName: 'Oubliable',
      email: 'g@example.fr',
    });
    await enrol(candidate.id, 'TP-CDA');
    const token = await candidateToken(candidate.id);

    const erased = data<{ id: string; erasedAt: string; firstName: string; lastName: string }>(
      await t.graphql(op('EraseCandidate'), { id: candidate.id }, token),
      'eraseCandidate',
    );
    expect(erased).toEqual({
      id: candidate.id,
      erasedAt: '2026-11-22T12:00:00.000Z',
      firstName: 'Candidat·e',
      lastName: expect.stringMatching(/^[0-9A-F]{8}$/),
    });
    expect(
      data(await t.graphql(op('EraseCandidate'), { id: candidate.id }, manager), 'eraseCandidate'),
    ).toEqual(erased);

    const search = data<{ totalCount: number }>(
      await t.graphql(op('Candidates'), { search: 'oubliable' }, manager),
      'candidates',
    );
    expect(search.totalCount).toBe(0);
    expect(data(await t.graphql(ME, {}, token), 'me')).toMatchObject({
      firstName: 'Candidat·e',
      lastName: erased.lastName,
      accommodations: [],
    });
    const record = data<{ email: string | null; birthDate: string | null; enrollments: unknown[] }>(
      await t.graphql(CANDIDATE, { id: candidate.id }, manager),
      'candidate',
    );
    expect(record).toMatchObject({
      email: null,
      birthDate: null,
      enrollments: [expect.objectContaining({ certification: { code: 'TP-CDA' } })],
    });
  });

  describe('refusals', () => {
    it('UNAUTHENTICATED without a token', async () => {
      expect(code(await t.graphql(op('Candidates'), {}))).toBe('UNAUTHENTICATED');
      expect(
        code(
          await t.graphql(op('RegisterCandidate'), { input: { firstName: 'A', lastName: 'B' } }),
        ),
      ).toBe('UNAUTHENTICATED');
      expect(code(await t.graphql(ME, {}))).toBe('UNAUTHENTICATED');
    });

    it('FORBIDDEN for a candidate reading or erasing another candidate, or registering someone', async () => {
      const mine = await register({ lastName: 'Curieuse' });
      const theirs = await register({ lastName: 'Discrète' });
      const token = await candidateToken(mine.id);
      expect(code(await t.graphql(CANDIDATE, { id: theirs.id }, token))).toBe('FORBIDDEN');
      expect(code(await t.graphql(op('EraseCandidate'), { id: theirs.id }, token))).toBe(
        'FORBIDDEN',
      );
      const registering = await t.graphql(
        op('RegisterCandidate'),
        { input: { firstName: 'A', lastName: 'B' } },
        token,
      );
      expect(code(registering)).toBe('FORBIDDEN');
      expect(message(registering)).toMatch(/SESSION_MANAGER/);
      expect(code(await t.graphql(op('Candidates'), {}, token))).toBe('FORBIDDEN');
      expect(code(await t.graphql(op('ExportMyData'), {}, manager))).toBe('FORBIDDEN');
    });

    it('NOT_FOUND for an unknown candidate or enrolment', async () => {
      expect(code(await t.graphql(CANDIDATE, { id: 'no-such-candidate' }, manager))).toBe(
        'NOT_FOUND',
      );
      expect(code(await enrol('no-such-candidate', 'TP-CDA'))).toBe('NOT_FOUND');
      const notice = { noticeNumber: 'N', issuedOn: '2026-01-01', issuedBy: 'DREETS' };
      expect(
        code(
          await t.graphql(
            op('RecordVaeAdmissibility'),
            { enrollmentId: 'nope', input: notice },
            manager,
          ),
        ),
      ).toBe('NOT_FOUND');
    });

    it.each`
      case                            | input                                                | field                     | pattern
      ${'a birth date in the future'} | ${{ birthDate: '2027-01-01' }}                       | ${'input.birthDate'}      | ${/in the future/}
      ${'a candidate under 15'}       | ${{ birthDate: '2011-11-23' }}                       | ${'input.birthDate'}      | ${/at least 15/}
      ${'a malformed email'}          | ${{ email: 'lea.martin@example' }}                   | ${'input.email'}          | ${/not a well-formed email/}
      ${'an empty last name'}         | ${{ lastName: '  ' }}                                | ${'input.lastName'}       | ${/must not be empty/}
      ${'11 accommodations'}          | ${{ accommodations: Array(11).fill('tiers-temps') }} | ${'input.accommodations'} | ${/at most 10/}
    `('BAD_USER_INPUT at registration for $case', async ({ input, field, pattern }) => {
      const response = await t.graphql(
        op('RegisterCandidate'),
        { input: { firstName: 'Léa', lastName: 'Martin', ...input } },
        manager,
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(message(response)).toMatch(pattern);
    });

    it.each`
      certification  | end
      ${'RNCP36912'} | ${'2025-09-29'}
      ${'RNCP28754'} | ${'2021-12-27'}
    `(
      'BAD_USER_INPUT R12 for enrolment in the CLOSED $certification',
      async ({ certification, end }) => {
        const candidate = await register({ lastName: 'Tardive' });
        const response = await enrol(candidate.id, certification);
        expect(response.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          rule: 'R12',
          field: 'input.certificationId',
        });
        expect(message(response)).toContain(
          `${certification} is closed to new candidates: its registration ended on ${end}`,
        );
      },
    );

    it('History (R12): a record started in 2019 on RNCP28754, closed on 2021-12-27, is taken over', async () => {
      const candidate = await register({ lastName: 'Ancienne' });
      const response = await enrol(candidate.id, 'RNCP28754', { startedOn: '2019-09-02' });
      expect(response.errors).toBeUndefined();
    });

    it('access routes: 004 « Par candidature individuelle: Non » refuses INDIVIDUAL_APPLICATION', async () => {
      const candidate = await register({ lastName: 'Individuelle' });
      const refused = await enrol(candidate.id, 'RNCP36912', {
        pathway: 'INDIVIDUAL_APPLICATION',
        startedOn: '2025-01-06',
      });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.pathway',
        rule: 'ACCESS_ROUTES',
      });
      const apprentice = await enrol(candidate.id, 'RNCP36912', {
        pathway: 'APPRENTICESHIP',
        startedOn: '2025-01-06',
      });
      expect(apprentice.errors).toBeUndefined();
    });

    it('BAD_USER_INPUT for a DRAFT certification (unpublished: not known to the candidates service)', async () => {
      const referentialManager = await t.token(['REFERENTIAL_MANAGER']);
      const created = await t.graphql(
        op('CreateCertification'),
        {
          input: {
            code: 'TP-DRAFT-CAND',
            title: 'Brouillon',
            kind: 'PROFESSIONAL_TITLE',
            level: 5,
            certifier: { name: 'Ministère du Travail' },
            capitalizationRule: 'WITHIN_TITLE_VALIDITY',
            requiresFinalInterview: true,
            components: [{ code: 'DRAFT-CCP1', title: 'Un CCP', kind: 'CCP' }],
          },
        },
        referentialManager,
      );
      const draftId = (created.data?.['createCertification'] as { id: string }).id;
      const candidate = await register({ lastName: 'Pressée' });
      const response = await enrol(candidate.id, draftId);
      expect(code(response)).toBe('BAD_USER_INPUT');
      expect(message(response)).toMatch(/not known \(yet\).*unpublished/);
    });

    it('BAD_USER_INPUT for a revised certification, naming the version to enrol in (R4)', async () => {
      const referentialManager = await t.token(['REFERENTIAL_MANAGER']);
      const revised = await t.graphql(
        op('ReviseCertification'),
        {
          id: certificationIds['TP-DWWM'],
          input: {
            code: 'TP-DWWM-2027',
            components: [
              {
                code: 'DWWM27-CCP1',
                title: 'Développer une application web',
                kind: 'CCP',
                competences: ['x'],
              },
            ],
          },
        },
        referentialManager,
      );
      expect(revised.errors).toBeUndefined();
      const candidates = t.platform.services['candidates'] as RunningCandidatesService;
      await waitFor(async () => {
        expect(
          (await candidates.certifications.findById(certificationIds['TP-DWWM'] as string))
            ?.revisedById,
        ).not.toBeNull();
      });
      const candidate = await register({ lastName: 'Révisée' });
      const response = await enrol(candidate.id, 'TP-DWWM');
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule: 'R4',
      });
      expect(message(response)).toMatch(/enrol in TP-DWWM-2027 instead/);
    });

    it('BAD_USER_INPUT for a second open enrolment in the same certification', async () => {
      const candidate = await register({ lastName: 'Doublon' });
      expect((await enrol(candidate.id, 'TP-CDA')).errors).toBeUndefined();
      const again = await enrol(candidate.id, 'TP-CDA', { pathway: 'VAE' });
      expect(code(again)).toBe('BAD_USER_INPUT');
      expect(message(again)).toMatch(/already enrolled in TP-CDA .*still open/);
    });

    it('BAD_USER_INPUT for an impossible start date, before any resolver runs', async () => {
      const candidate = await register({ lastName: 'Datée' });
      const response = await enrol(candidate.id, 'TP-CDA', { startedOn: '2026-02-30' });
      expect(code(response)).toBe('BAD_USER_INPUT');
      expect(message(response)).toMatch(/YYYY-MM-DD/);
    });

    it('BAD_USER_INPUT for a page larger than 100 and for a forged cursor', async () => {
      expect(code(await t.graphql(op('Candidates'), { first: 101 }, manager))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await t.graphql(op('Candidates'), { after: 'not-a-cursor' }, manager))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });
});
