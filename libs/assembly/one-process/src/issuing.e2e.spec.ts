import {
  DEVELOPMENT_INTERNAL_SECRET,
  INTERNAL_TOKEN_HEADER,
  signInternalToken,
} from '@certif/platform-auth';
import { fixedClock } from '@certif/platform-calendar';
import { decodeCloudEvent } from '@certif/platform-events';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import { pdfText, readPdfBack } from '@certif/issuing-adapters/testing';
import type { RunningIssuingService } from '@certif/issuing-service';
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

interface Record {
  id: string;
  livrets: {
    id: string;
    status: string;
    capitalizationDeadline: string | null;
    certification: { code: string; title: string };
    acquiredComponents: {
      component: { code: string };
      acquiredOn: string;
      viaCorrespondence: boolean;
    }[];
    missingComponents: { code: string }[];
  }[];
  credentials: {
    id: string;
    number: string;
    status: string;
    issuedOn: string;
    verificationCode: string;
    certification: { code: string };
  }[];
}

describeOnEachDatabase(
  'issuing through the gateway: a deliberation to a verifiable parchemin',
  (dialect) => {
    let t: TestPlatform;
    let manager: string;
    let juror: string;
    let holderToken: string;
    let otherToken: string;
    const ids: { [name: string]: string } = {};

    const issuing = () => t.platform.services['issuing'] as RunningIssuingService;

    /** Retries while another service has not received the event it needs yet. */
    async function eventually(
      query: string,
      variables: object,
      token: string,
    ): Promise<GraphQLResponse> {
      return waitFor(async () => {
        const response = await t.graphql(query, variables as never, token);
        if (/not known|unknown|no enrol|No enrollment|No certification/i.test(message(response)))
          throw new Error(message(response));
        return response;
      });
    }

    async function registerCandidate(
      firstName: string,
      lastName: string,
      certificationId: string,
      birthDate?: string,
    ): Promise<{ candidateId: string; enrollmentId: string }> {
      const registered = await t.graphql(
        op('RegisterCandidate'),
        { input: { firstName, lastName, ...(birthDate ? { birthDate } : {}) } },
        manager,
      );
      expect(registered.errors).toBeUndefined();
      const candidateId = (registered.data?.['registerCandidate'] as { id: string }).id;
      const input = {
        candidateId,
        certificationId,
        pathway: 'CONTINUOUS_TRAINING',
        startedOn: '2025-09-01',
      };
      const enrolled = await eventually(op('EnrollCandidate'), { input }, manager);
      expect(enrolled.errors).toBeUndefined();
      return {
        candidateId,
        enrollmentId: (enrolled.data?.['enrollCandidate'] as { id: string }).id,
      };
    }

    const record = async (candidateId: string, token: string) =>
      t.graphql<{ candidate: Record | null }>(op('CandidateRecord'), { id: candidateId }, token);

    beforeAll(async () => {
      t = await startTestPlatform(dialect, { clock: fixedClock('2026-06-10') });
      manager = await t.token(['SESSION_MANAGER'], { sub: 'centre-sete' });
      juror = await t.token(['JURY_MEMBER'], { sub: 'pro-1' });
      const reader = await t.token(['REFERENTIAL_MANAGER']);
      const dwwm = await t.graphql(op('CertificationByCode'), { code: 'TP-DWWM' }, reader);
      const certification = dwwm.data?.['certification'] as {
        id: string;
        components: { id: string; code: string }[];
      };
      ids['certification'] = certification.id;
      ids['ccp1'] = (certification.components[0] as { id: string }).id;

      const holder = await registerCandidate('Ada', 'Lovelace', certification.id, '1815-12-10');
      const partial = await registerCandidate('Grace', 'Hopper', certification.id);
      ids['holder'] = holder.candidateId;
      ids['partial'] = partial.candidateId;
      holderToken = await t.token(['CANDIDATE'], { sub: 'ada', candidateId: holder.candidateId });
      otherToken = await t.token(['CANDIDATE'], { sub: 'grace', candidateId: partial.candidateId });

      const planned = await eventually(
        op('PlanSession'),
        {
          input: {
            certificationId: certification.id,
            scope: 'FULL_TITLE',
            center: 'AFPA Sète',
            startsOn: '2026-06-01',
            endsOn: '2026-06-05',
          },
        },
        manager,
      );
      expect(planned.errors).toBeUndefined();
      const sessionId = (planned.data?.['planSession'] as { id: string }).id;
      for (const [userId, name] of [
        ['pro-1', 'Juliette Martin'],
        ['pro-2', 'Karim Benali'],
      ]) {
        expect(
          (
            await t.graphql(
              op('AddJuror'),
              { sessionId, input: { userId, name, role: 'PROFESSIONAL' } },
              manager,
            )
          ).errors,
        ).toBeUndefined();
      }
      const registrations: string[] = [];
      for (const enrollmentId of [holder.enrollmentId, partial.enrollmentId]) {
        const registered = await eventually(
          op('RegisterToSession'),
          { sessionId, enrollmentId },
          manager,
        );
        expect(registered.errors).toBeUndefined();
        registrations.push((registered.data?.['registerToSession'] as { id: string }).id);
      }
      const deliberated = await t.graphql(
        op('RecordDeliberation'),
        {
          sessionId,
          decisions: [
            {
              registrationId: registrations[0],
              outcome: 'TITLE_AWARDED',
              finalInterviewPassed: true,
              decidedOn: '2026-06-05',
            },
            {
              registrationId: registrations[1],
              outcome: 'COMPONENTS_AWARDED',
              awardedComponentIds: [ids['ccp1']],
              decidedOn: '2026-06-05',
            },
          ],
        },
        juror,
      );
      expect(deliberated.errors).toBeUndefined();
    });
    afterAll(() => t.stop());

    it('the deliberation makes the livret and the parchemin appear in the candidate’s record', async () => {
      const found = await waitFor(async () => {
        const response = await record(ids['holder'] as string, holderToken);
        expect(response.errors).toBeUndefined();
        expect(response.data?.candidate?.credentials).toHaveLength(1);
        return response.data?.candidate as Record;
      });
      expect(found.livrets).toEqual([
        {
          id: expect.any(String),
          status: 'COMPLETE',
          capitalizationDeadline: null,
          certification: { code: 'TP-DWWM', title: 'Développeur web et web mobile' },
          acquiredComponents: [
            {
              component: { code: 'TP-DWWM-CCP1' },
              acquiredOn: '2026-06-05',
              viaCorrespondence: false,
            },
            {
              component: { code: 'TP-DWWM-CCP2' },
              acquiredOn: '2026-06-05',
              viaCorrespondence: false,
            },
          ],
          missingComponents: [],
        },
      ]);
      expect(found.credentials[0]).toMatchObject({
        number: expect.stringMatching(/^TP-DWWM-2026-\d{6}$/),
        status: 'VALID',
        issuedOn: '2026-06-10',
        verificationCode: expect.stringMatching(/^[A-Z2-7]{32}$/),
        certification: { code: 'TP-DWWM' },
      });
      ids['credential'] = found.credentials[0]?.id as string;
      ids['code'] = found.credentials[0]?.verificationCode as string;
    });

    it('a partial success gives a livret in progress and no parchemin', async () => {
      const found = await waitFor(async () => {
        const response = await t.graphql<{ candidate: Record | null }>(
          op('CandidateRecord'),
          { id: ids['partial'] },
          manager,
        );
        expect(response.data?.candidate?.livrets).toHaveLength(1);
        return response.data?.candidate as Record;
      });
      expect(found.livrets[0]).toMatchObject({
        status: 'IN_PROGRESS',
        acquiredComponents: [{ component: { code: 'TP-DWWM-CCP1' }, acquiredOn: '2026-06-05' }],
        missingComponents: [{ code: 'TP-DWWM-CCP2' }],
      });
      expect(found.credentials).toEqual([]);
    });

    it('the holder reads the same through Me', async () => {
      const me = await t.graphql(op('Me'), {}, holderToken);
      expect(me.errors).toBeUndefined();
      expect(me.data?.['me']).toMatchObject({
        livrets: [{ certification: { code: 'TP-DWWM' }, status: 'COMPLETE' }],
        credentials: [{ id: ids['credential'], status: 'VALID' }],
      });
    });

    it("the holder's GDPR export includes what issuing holds: livret and parchemin (R13)", async () => {
      const exported = await t.graphql(op('ExportMyData'), {}, holderToken);
      expect(exported.errors).toBeUndefined();
      const data = exported.data?.['exportMyData'] as {
        sources: string[];
        sections: { [source: string]: unknown };
      };
      expect(data.sources).toEqual(['candidates', 'issuing']);
      expect(data.sections['issuing']).toMatchObject({
        livrets: [{ status: 'COMPLETE', missingComponentIds: [] }],
        parchemins: [{ id: ids['credential'], status: 'VALID', verificationCode: ids['code'] }],
        juryDecisions: [
          { outcome: 'TITLE_AWARDED', finalInterviewPassed: true, decidedOn: '2026-06-05' },
        ],
      });
    });

    it("serves the export section only to the platform's services, for the candidate themself", async () => {
      const base = t.platform.services['issuing']?.url.replace(/\/graphql$/, '') as string;
      const url = `${base}/internal/personal-data/${ids['holder']}`;
      expect((await fetch(url)).status).toBe(401);
      expect(
        (await fetch(url, { headers: { authorization: `Bearer ${holderToken}` } })).status,
      ).toBe(401);
      const other = await signInternalToken(DEVELOPMENT_INTERNAL_SECRET, {
        sub: 'x',
        roles: ['CANDIDATE'],
        candidateId: 'someone-else',
      });
      expect((await fetch(url, { headers: { [INTERNAL_TOKEN_HEADER]: other } })).status).toBe(403);
    });

    it('anyone verifies the parchemin without a token; an unknown code is simply invalid', async () => {
      const verified = await t.graphql(op('VerifyCredential'), { code: ids['code'] });
      expect(verified.errors).toBeUndefined();
      expect(verified.data?.['verifyCredential']).toEqual({
        valid: true,
        status: 'VALID',
        holderName: 'Ada Lovelace',
        certificationTitle: 'Développeur web et web mobile',
        issuedOn: '2026-06-10',
      });
      const unknown = await t.graphql(op('VerifyCredential'), {
        code: 'AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH',
      });
      expect(unknown.data?.['verifyCredential']).toEqual({
        valid: false,
        status: null,
        holderName: null,
        certificationTitle: null,
        issuedOn: null,
      });
    });

    it('nobody else reads a candidate’s livrets and parchemins', async () => {
      const byOther = await record(ids['holder'] as string, otherToken);
      expect(code(byOther)).toBe('FORBIDDEN');
      expect(JSON.stringify(byOther.data ?? {})).not.toContain(ids['code'] as string);

      // Issuing's own check, whatever the candidates subgraph decides about `candidate(id)`.
      const asJuror = await fetch(issuing().url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INTERNAL_TOKEN_HEADER]: await signInternalToken(DEVELOPMENT_INTERNAL_SECRET, {
            sub: 'pro-1',
            roles: ['JURY_MEMBER'],
          }),
        },
        body: JSON.stringify({
          query:
            'query($r: [_Any!]!) { _entities(representations: $r) { ... on Candidate { livrets { id } credentials { id } } } }',
          variables: { r: [{ __typename: 'Candidate', id: ids['holder'] }] },
        }),
      });
      const body = (await asJuror.json()) as Pick<GraphQLResponse, 'errors'>;
      expect(body.errors?.map((e) => e.extensions?.['code'])).toContain('FORBIDDEN');
      expect(JSON.stringify(body)).not.toContain(ids['credential'] as string);
    });

    it('the holder downloads the parchemin PDF from issuing', async () => {
      const base = issuing().url.replace(/\/graphql$/, '');
      const pdf = await fetch(`${base}/credentials/${ids['credential']}.pdf`, {
        headers: { authorization: `Bearer ${holderToken}` },
      });
      expect(pdf.status).toBe(200);
      const text = pdfText(Buffer.from(await pdf.arrayBuffer())).replace(/\s+/g, ' ');
      expect(text).toContain('Ada Lovelace');
      expect(text).toContain('RNCP : non communiqué');
      const other = await fetch(`${base}/credentials/${ids['credential']}.pdf`, {
        headers: { authorization: `Bearer ${otherToken}` },
      });
      expect(other.status).toBe(403);
    });

    it('npm start’s one address serves the holder’s documents: the QR code opens the page, which shows the holder', async () => {
      const base = t.platform.publicUrl;
      const holder = { authorization: `Bearer ${holderToken}` };
      const parchemin = await fetch(`${base}/credentials/${ids['credential']}.pdf`, {
        headers: holder,
      });
      expect(parchemin.status).toBe(200);
      expect(parchemin.headers.get('content-type')).toBe('application/pdf');
      const read = readPdfBack(Buffer.from(await parchemin.arrayBuffer()));
      expect([read.width, read.height]).toEqual([842, 595]);
      const text = read.text.replace(/\s+/g, ' ');
      for (const expected of [
        'TITRE PROFESSIONNEL',
        'Ada Lovelace',
        'né(e) le 10/12/1815',
        'Développeur web et web mobile',
        'Niveau 5',
        'Code : TP-DWWM',
        'Obtenu le 05/06/2026',
        'Délivré le 10/06/2026 par Le représentant territorial du ministère',
      ]) {
        expect(text).toContain(expected);
      }
      const verificationUrl = `${base}/verify/${ids['code']}`;
      expect(read.qrCodes).toEqual([verificationUrl]);

      // What a phone opens from the QR code: no token, French, the holder and the title.
      const page = await fetch(read.qrCodes[0] as string);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain(
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
      );
      expect(html).not.toContain('<script');
      for (const shown of [
        'Ce parchemin est authentique et valide.',
        '<dt>Titulaire</dt><dd>Ada Lovelace</dd>',
        '<dt>Certification</dt><dd>Développeur web et web mobile</dd>',
        '<dt>Niveau</dt><dd>niveau 5 (cadre européen 5)</dd>',
        '<dt>Code</dt><dd>TP-DWWM</dd>',
        '<dt>Obtenu le</dt><dd>05/06/2026</dd>',
      ]) {
        expect(html).toContain(shown);
      }
      const json = await fetch(verificationUrl, { headers: { accept: 'application/json' } });
      expect(await json.json()).toMatchObject({
        valid: true,
        status: 'VALID',
        holderName: 'Ada Lovelace',
        certificationCode: 'TP-DWWM',
        obtainedOn: '2026-06-05',
      });

      // The livret of the candidate in partial success: the component, its date and session.
      const partial = await record(ids['partial'] as string, manager);
      const livretId = partial.data?.candidate?.livrets[0]?.id as string;
      const livret = await fetch(`${base}/livrets/${livretId}.pdf`, {
        headers: { authorization: `Bearer ${otherToken}` },
      });
      expect(livret.status).toBe(200);
      const livretText = readPdfBack(Buffer.from(await livret.arrayBuffer())).text;
      expect(livretText.replace(/\s+/g, ' ')).toContain('Titulaire : Grace Hopper');
      expect(livretText).toMatch(/TP-DWWM-CCP1 .* 05\/06\/2026 +[0-9a-f-]{36}/);
      expect(livretText).toContain('Composantes restant à acquérir');
      expect(livretText).toMatch(/TP-DWWM-CCP2 — /);

      // The credential at the same address, checked with the key set served there too.
      const vc = await fetch(`${base}/credentials/${ids['credential']}.vc.jwt`, {
        headers: holder,
      });
      expect(vc.status).toBe(200);
      const claims = JSON.parse(
        Buffer.from((await vc.text()).split('.')[1] as string, 'base64url').toString(),
      ) as { validFrom: string; credentialStatus: { statusListCredential: string } };
      expect(claims.validFrom).toBe('2026-06-05T00:00:00Z');
      expect(claims.credentialStatus.statusListCredential).toBe(
        `${base}/credentials/status/TP-DWWM-2026`,
      );
      const statusList = await fetch(claims.credentialStatus.statusListCredential);
      expect([statusList.status, statusList.headers.get('content-type')]).toEqual([
        200,
        'application/vc+jwt; charset=utf-8',
      ]);
      const jwks = await fetch(`${base}/.well-known/jwks.json`);
      expect(jwks.status).toBe(200);
    });

    it('revocation: a reason is required, a candidate may not, and verification then says REVOKED', async () => {
      const byCandidate = await t.graphql(
        op('RevokeCredential'),
        { id: ids['credential'], reason: 'test' },
        holderToken,
      );
      expect(code(byCandidate)).toBe('FORBIDDEN');
      const blank = await t.graphql(
        op('RevokeCredential'),
        { id: ids['credential'], reason: '   ' },
        manager,
      );
      expect(code(blank)).toBe('BAD_USER_INPUT');
      expect(blank.errors?.[0]?.extensions?.['field']).toBe('reason');

      const revoked = await t.graphql(
        op('RevokeCredential'),
        { id: ids['credential'], reason: 'Fraude au dossier professionnel' },
        manager,
      );
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data?.['revokeCredential']).toEqual({
        id: ids['credential'],
        status: 'REVOKED',
      });
      const again = await t.graphql(
        op('RevokeCredential'),
        { id: ids['credential'], reason: 'encore' },
        manager,
      );
      expect(code(again)).toBe('BAD_USER_INPUT');
      const unknown = await t.graphql(
        op('RevokeCredential'),
        { id: '00000000-0000-0000-0000-000000000000', reason: 'x' },
        manager,
      );
      expect(code(unknown)).toBe('NOT_FOUND');

      const verified = await t.graphql(op('VerifyCredential'), { code: ids['code'] });
      expect(verified.data?.['verifyCredential']).toMatchObject({
        valid: false,
        status: 'REVOKED',
        holderName: 'Ada Lovelace',
      });
    });

    it('publishes ISSUED, REVOKED and the livret statuses on issuing.credential.v1', async () => {
      const changes = () =>
        t.platform.bus
          .messages('issuing.credential.v1')
          .map(
            (m) =>
              decodeCloudEvent(m).data as {
                change: string;
                candidateId: string;
                livret?: { status: string };
              },
          )
          .filter((e) => e.candidateId === ids['holder'])
          .map((e) => `${e.change}${e.livret ? ` ${e.livret.status}` : ''}`);
      // The components and the title travel on two topics: the livret may show IN_PROGRESS first.
      await waitFor(() =>
        expect(changes().slice(-3)).toEqual([
          'ISSUED',
          'LIVRET_STATUS_CHANGED COMPLETE',
          'REVOKED',
        ]),
      );
      expect(
        changes()
          .slice(0, -3)
          .every((c) => c === 'LIVRET_STATUS_CHANGED IN_PROGRESS'),
      ).toBe(true);
    });
  },
);
