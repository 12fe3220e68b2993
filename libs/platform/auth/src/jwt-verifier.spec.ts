import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintToken } from './dev-token';
import { bearerToken, createJwtVerifier, InvalidToken } from './jwt-verifier';
import { signInternalToken, verifyInternalToken } from './internal-token';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('HS256 verification', () => {
  const verify = createJwtVerifier({ kind: 'hs256', secret });

  it('accepts a token signed with the secret and keeps only known roles', async () => {
    const token = await new SignJWT({ roles: ['CANDIDATE', 'PIRATE'], candidateId: 'c-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(verify(token)).resolves.toEqual({
      sub: 'user-1',
      roles: ['CANDIDATE'],
      candidateId: 'c-1',
    });
  });

  it.each([
    ['signed with another secret', () => mintToken({ roles: ['ADMIN'], secret: 'x'.repeat(40) })],
    ['expired', () => mintToken({ roles: ['ADMIN'], secret, expiresIn: '-1m' })],
  ])('refuses a token %s', async (_, make) => {
    await expect(verify(await make())).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses a token without subject', async () => {
    const token = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
    await expect(verify(token)).rejects.toThrow(/no subject/);
  });
});

describe('JWKS verification', () => {
  let server: Server;
  let jwksUrl: string;
  let sign: (issuer: string, audience: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    server = createServer((_, res) => res.end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    sign = (issuer, audience) =>
      new SignJWT({ roles: ['SESSION_MANAGER'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('manager-1')
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime('5m')
        .sign(privateKey);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('accepts the identity provider token with the right issuer and audience', async () => {
    const verify = createJwtVerifier({ kind: 'jwks', jwksUrl, issuer: 'idp', audience: 'certif' });
    await expect(verify(await sign('idp', 'certif'))).resolves.toMatchObject({ sub: 'manager-1' });
  });

  it('refuses a token for another audience', async () => {
    const verify = createJwtVerifier({ kind: 'jwks', jwksUrl, issuer: 'idp', audience: 'certif' });
    await expect(verify(await sign('idp', 'elsewhere'))).rejects.toThrow(/aud/);
  });
});

describe('bearer header', () => {
  it('reads the token, or nothing when absent', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken(undefined)).toBeNull();
  });
  it('refuses another scheme', () => {
    expect(() => bearerToken('Basic dXNlcg==')).toThrow(/Bearer <JWT>/);
  });
});

describe('internal token', () => {
  it('forwards the principal, and anonymous calls, only with the shared secret', async () => {
    const principal = { sub: 'u', roles: ['JURY_MEMBER' as const] };
    const token = await signInternalToken(secret, principal);
    await expect(verifyInternalToken(secret, token)).resolves.toEqual({ principal });
    const anonymous = await signInternalToken(secret, null);
    await expect(verifyInternalToken(secret, anonymous)).resolves.toEqual({ principal: null });
    await expect(verifyInternalToken('y'.repeat(40), token)).resolves.toBeNull();
    await expect(verifyInternalToken(secret, undefined)).resolves.toBeNull();
  });
});
