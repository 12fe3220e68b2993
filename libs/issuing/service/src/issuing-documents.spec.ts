import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { parseLocalDate } from '@certif/platform-calendar';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import { SEED_VERSIONS } from '@certif/issuing-domain/testing';
import { RevokeParcheminService } from '@certif/issuing-application';
import type { Parchemin } from '@certif/issuing-domain';
import { pdfText } from '@certif/issuing-adapters/testing';
import { issuingProbes, startTestIssuing, tagged, type TestIssuing } from './testing';

describeOnEachDatabase(
  'issuing documents: PDF, verifiable credential, verification page',
  (dialect) => {
    let t: TestIssuing;
    let credential: Parchemin;
    let livretId: string;
    let holder: string;
    const candidateId = randomUUID();
    const { tag, certification, candidate, ccp, award } = issuingProbes(() => t);
    const cda = tagged(SEED_VERSIONS['001'], tag());

    beforeAll(async () => {
      t = await startTestIssuing(dialect, { today: '2026-03-01' });
      t.feed(
        certification(cda),
        candidate(
          candidateId,
          { firstName: 'Camille', lastName: 'Durand <b>&' },
          { birthDate: '1991-04-02' },
        ),
        ...cda.components.map((_, i) =>
          ccp(candidateId, cda, i, parseLocalDate(`2025-0${i + 1}-15`)),
        ),
        award(candidateId, cda, '2025-03-15'),
      );
      credential = await waitFor(async () => {
        const [found] = await t.service.unitOfWork.reader.parchemins.findByCandidates([
          candidateId,
        ]);
        const [identity] = await t.service.unitOfWork.reader.candidates.findByIds([candidateId]);
        if (!found || !identity) throw new Error('the parchemin is not issued yet');
        return found;
      });
      livretId = (
        (await t.service.unitOfWork.reader.livrets.findByCandidates([candidateId]))[0] as {
          id: string;
        }
      ).id;
      holder = await t.token(['CANDIDATE'], { candidateId });
    });
    afterAll(() => t.stop());

    /**
     * What an offline verifier does (Bitstring Status List v1.0): reads the credential's
     * `credentialStatus`, fetches the list it names, checks the list's signature with the
     * published keys, and reads the bit.
     */
    async function revokedOffline(): Promise<boolean> {
      const jwks = createLocalJWKSet(
        (await (await t.get('/.well-known/jwks.json')).json()) as JSONWebKeySet,
      );
      const { payload } = await jwtVerify(
        await (await t.get(`/credentials/${credential.id}.vc.jwt`, holder)).text(),
        jwks,
      ).catch(async () => ({ payload: lastCredential }));
      lastCredential = payload;
      const status = payload['credentialStatus'] as {
        statusListCredential: string;
        statusListIndex: string;
      };
      const list = await fetch(status.statusListCredential);
      expect(list.headers.get('content-type')).toContain('application/vc+jwt');
      const { payload: statusList } = await jwtVerify(await list.text(), jwks, {
        typ: 'vc+jwt',
      });
      expect(statusList).toMatchObject({
        id: status.statusListCredential,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
      });
      const encoded = (statusList['credentialSubject'] as { encodedList: string }).encodedList;
      expect(encoded.startsWith('u')).toBe(true);
      const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
      expect(bits.length).toBeGreaterThanOrEqual(16_384);
      const index = Number(status.statusListIndex);
      return ((bits[index >> 3] as number) & (0x80 >> (index & 7))) !== 0;
    }
    let lastCredential: Record<string, unknown> = {};

    describe.each([
      ['parchemin', () => `/credentials/${credential.id}.pdf`],
      ['livret', () => `/livrets/${livretId}.pdf`],
    ])('the %s PDF', (_document, path) => {
      it.each`
        who                    | token                                                          | status
        ${'nobody'}            | ${async () => undefined}                                       | ${401}
        ${'a forged token'}    | ${async () => 'not-a-jwt'}                                     | ${401}
        ${'another candidate'} | ${() => t.token(['CANDIDATE'], { candidateId: randomUUID() })} | ${403}
        ${'a juror'}           | ${() => t.token(['JURY_MEMBER'])}                              | ${403}
        ${'the holder'}        | ${() => t.token(['CANDIDATE'], { candidateId })}               | ${200}
        ${'a session manager'} | ${() => t.token(['SESSION_MANAGER'])}                          | ${200}
        ${'an admin'}          | ${() => t.token(['ADMIN'])}                                    | ${200}
      `('answers $status to $who', async ({ token, status }) => {
        const response = await t.get(path(), await token());
        expect(response.status).toBe(status);
        if (status === 200) expect(response.headers.get('content-type')).toBe('application/pdf');
      });
    });

    it('answers 404 for an unknown parchemin or livret', async () => {
      const manager = await t.token(['SESSION_MANAGER']);
      expect((await t.get(`/credentials/${randomUUID()}.pdf`, manager)).status).toBe(404);
      expect((await t.get(`/livrets/${randomUUID()}.pdf`, manager)).status).toBe(404);
    });

    it('prints on the parchemin the holder, the title, RNCP, level, components, authority, number and check', async () => {
      const text = pdfText(
        Buffer.from(await (await t.get(`/credentials/${credential.id}.pdf`, holder)).arrayBuffer()),
      );
      for (const expected of [
        'Camille Durand <b>&',
        'né(e) le 02/04/1991',
        'Concepteur développeur d’applications',
        'RNCP : non communiqué',
        'Niveau 6',
        `${cda.components[0]?.code} (15/01/2025)`,
        'Obtenu le 15/03/2025',
        "Délivré le 01/03/2026 par Le représentant territorial du ministère chargé de l'emploi (certificateur : Ministère du Travail)",
        `N° ${credential.number}`,
        `${t.service.baseUrl}/verify/${credential.verificationCode}`,
      ]) {
        expect(text.replace(/\s+/g, ' ')).toContain(expected);
      }
    });

    it('prints on the livret what is acquired, with dates, and its status', async () => {
      const text = pdfText(
        Buffer.from(await (await t.get(`/livrets/${livretId}.pdf`, holder)).arrayBuffer()),
      ).replace(/\s+/g, ' ');
      expect(text).toContain('Livret de certification');
      expect(text).toContain('Titulaire : Camille Durand <b>&');
      expect(text).toContain(`${cda.components[2]?.code} ${cda.components[2]?.title} 15/03/2025`);
      expect(text).toContain('Statut : complet (parchemin délivré)');
    });

    it('hands the holder a verifiable credential whose signature checks with the published key', async () => {
      const response = await t.get(`/credentials/${credential.id}.vc.jwt`, holder);
      expect(response.status).toBe(200);
      const jwt = await response.text();
      const jwks = (await (await t.get('/.well-known/jwks.json')).json()) as JSONWebKeySet;
      expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
      expect(jwks.keys[0]).not.toHaveProperty('d');

      const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
        typ: 'vc+jwt',
      });
      expect(protectedHeader).toMatchObject({
        alg: 'EdDSA',
        typ: 'vc+jwt',
        kid: jwks.keys[0]?.kid,
      });
      expect(payload).toMatchObject({
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        id: `urn:uuid:${credential.id}`,
        iss: `${t.service.baseUrl}/issuer`,
        issuer: { id: `${t.service.baseUrl}/issuer`, type: ['Profile'] },
        // The date the title was obtained (the final interview), not the day it was processed.
        validFrom: '2025-03-15T00:00:00Z',
        credentialStatus: {
          id: `${t.service.baseUrl}/credentials/status/${cda.code}-2025#1`,
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: '1',
          statusListCredential: `${t.service.baseUrl}/credentials/status/${cda.code}-2025`,
        },
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [
            {
              type: 'IdentityObject',
              identityType: 'name',
              hashed: false,
              identityHash: 'Camille Durand <b>&',
            },
          ],
          achievement: {
            type: ['Achievement'],
            achievementType: 'Diploma',
            name: 'Concepteur développeur d’applications',
          },
        },
      });
    });

    it('refuses a tampered credential', async () => {
      const jwt = await (await t.get(`/credentials/${credential.id}.vc.jwt`, holder)).text();
      const [header, body, signature] = jwt.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { name: string };
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, name: 'Docteur' })).toString('base64url')}.${signature}`;
      const jwks = (await (await t.get('/.well-known/jwks.json')).json()) as JSONWebKeySet;
      expect(decodeProtectedHeader(forged).alg).toBe('EdDSA');
      await expect(jwtVerify(forged, createLocalJWKSet(jwks))).rejects.toThrow(/signature/);
    });

    it('shows the public verification page without login, escaping what it prints', async () => {
      const page = await t.get(`/verify/${credential.verificationCode}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Ce parchemin est authentique et valide.');
      expect(html).toContain('Camille Durand &lt;b&gt;&amp;');
      expect(html).toContain('<dt>Obtenu le</dt><dd>15/03/2025</dd>');
      expect(html).toContain('<html lang="fr">');
      expect(html).not.toContain('<script');
      const json = await t.get(`/verify/${credential.verificationCode}`, undefined, {
        accept: 'application/json',
      });
      expect(json.headers.get('content-type')).toContain('application/json');
      expect(await json.json()).toMatchObject({
        code: credential.verificationCode,
        valid: true,
        status: 'VALID',
        holderName: 'Camille Durand <b>&',
        certificationTitle: 'Concepteur développeur d’applications',
        certificationCode: cda.code,
        level: 6,
        certifierName: 'Ministère du Travail',
        obtainedOn: '2025-03-15',
      });
      expect(html).not.toContain('<b>&');
      const unknown = await t.get(`/verify/${encodeURIComponent('<script>alert(1)</script>')}`);
      expect(unknown.status).toBe(404);
      const unknownHtml = await unknown.text();
      expect(unknownHtml).toContain('Aucun parchemin ne correspond à ce code.');
      expect(unknownHtml).not.toContain('<script>alert');
    });

    it('after revocation: the page and the PDF say REVOKED, the credential is no longer handed out', async () => {
      expect(await revokedOffline()).toBe(false);
      const revocation = new RevokeParcheminService(t.service.deps);
      await revocation.execute(
        { id: credential.id, reason: 'jury irrégulièrement composé' },
        { sub: 'manager-1', roles: ['SESSION_MANAGER'] },
      );
      const page = await (await t.get(`/verify/${credential.verificationCode}`)).text();
      expect(page).toContain('a été révoqué');
      // The credential the holder downloaded before shows it offline, through its status list.
      expect(await revokedOffline()).toBe(true);
      expect(page).toContain('<dt>Motif</dt><dd>jury irrégulièrement composé</dd>');
      expect((await t.get(`/credentials/${credential.id}.vc.jwt`, holder)).status).toBe(410);
      const text = pdfText(
        Buffer.from(await (await t.get(`/credentials/${credential.id}.pdf`, holder)).arrayBuffer()),
      );
      expect(text.replace(/\s+/g, ' ')).toContain(
        "RÉVOQUÉ le 01/03/2026 Ce parchemin n'est plus valide. Motif : jury irrégulièrement composé",
      );
    });

    it('after erasure, documents carry the pseudonym and no name (R13)', async () => {
      t.feed(
        candidate(
          candidateId,
          { firstName: 'Candidat', lastName: 'effacé 4F2A' },
          { version: 2, erasedAt: '2026-03-01T09:00:00.000Z' },
        ),
      );
      await waitFor(
        async () =>
          (await t.service.unitOfWork.reader.candidates.findByIds([candidateId]))[0]?.erasedAt !==
          null,
      );
      for (const path of [`/credentials/${credential.id}.pdf`, `/livrets/${livretId}.pdf`]) {
        const text = pdfText(Buffer.from(await (await t.get(path, holder)).arrayBuffer()));
        expect(text).toContain('Candidat effacé 4F2A');
        expect(text).not.toMatch(/Camille|Durand|1991/);
      }
      expect(await (await t.get(`/verify/${credential.verificationCode}`)).text()).toContain(
        'Candidat effacé 4F2A',
      );
    });
  },
);
