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
      .setIssuedAt()
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
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(verify(token)).rejects.toThrow(/no subject/);
  });
});

describe('token lifetime rules', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: { iat?: number; exp?: number }, key = secret) => {
    const jwt = new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' });
    jwt.setSubject('admin-1');
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(key));
  };
  const verify = createJwtVerifier({ kind: 'hs256', secret, maxTokenAgeSeconds: 3600 });

  it.each([
    ['without exp (it would be valid forever)', () => sign({ iat: now() }), /"exp"/],
    ['without iat (its age is unknown)', () => sign({ exp: now() + 60 }), /"iat"/],
    ['expired more than 30 s ago', () => sign({ iat: now() - 120, exp: now() - 31 }), /exp/],
    [
      'issued more than the maximum age ago',
      () => sign({ iat: now() - 3700, exp: now() + 600 }),
      /iat|age/,
    ],
    [
      'issued in the future, beyond 30 s',
      () => sign({ iat: now() + 120, exp: now() + 600 }),
      /iat/,
    ],
  ])('refuses a token %s', async (_, make, reason) => {
    const refusal = verify(await make());
    await expect(refusal).rejects.toBeInstanceOf(InvalidToken);
    await expect(refusal).rejects.toThrow(reason);
  });

  it.each([
    ['expired 20 s ago (clock tolerance)', () => sign({ iat: now() - 600, exp: now() - 20 })],
    [
      'issued 20 s in the future (clock tolerance)',
      () => sign({ iat: now() + 20, exp: now() + 600 }),
    ],
    ['just within the maximum age', () => sign({ iat: now() - 3500, exp: now() + 600 })],
  ])('accepts a token %s', async (_, make) => {
    await expect(verify(await make())).resolves.toMatchObject({ sub: 'admin-1' });
  });
});

describe('rotating the HS256 secret', () => {
  const [previous, next] = ['p'.repeat(40), 'n'.repeat(40)];

  it('accepts tokens signed with any secret of the list, comma-separated or not', async () => {
    for (const list of [`${next},${previous}`, [next, previous]]) {
      const verify = createJwtVerifier({ kind: 'hs256', secret: list });
      for (const key of [previous, next]) {
        const token = await mintToken({ roles: ['ADMIN'], secret: key });
        await expect(verify(token)).resolves.toMatchObject({ roles: ['ADMIN'] });
      }
    }
  });

  it('refuses a token signed with a secret no longer listed', async () => {
    const verify = createJwtVerifier({ kind: 'hs256', secret: next });
    const token = await mintToken({ roles: ['ADMIN'], secret: previous });
    await expect(verify(token)).rejects.toThrow(/signature/);
  });

  it('does not try the next secret to rescue an expired token', async () => {
    const verify = createJwtVerifier({ kind: 'hs256', secret: [next, previous] });
    const token = await mintToken({ roles: ['ADMIN'], secret: previous, expiresIn: '-5m' });
    await expect(verify(token)).rejects.toThrow(/exp/);
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
        .setIssuedAt()
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

  it('forwards the centres of a session manager', async () => {
    const principal = { sub: 'm', roles: ['SESSION_MANAGER' as const], centers: ['Lyon'] };
    const token = await signInternalToken(secret, principal);
    await expect(verifyInternalToken(secret, token)).resolves.toEqual({ principal });
  });

  it('rotates without refusals: signed with the first secret, verified with any', async () => {
    const [previous, next] = ['p'.repeat(40), 'n'.repeat(40)];
    const principal = { sub: 'u', roles: ['ADMIN' as const] };
    // Step 1: everyone lists "previous,next"; the gateway still signs with previous.
    const before = await signInternalToken(`${previous},${next}`, principal);
    // Step 2: the gateway is redeployed with "next,previous" before the subgraphs are.
    const during = await signInternalToken(`${next},${previous}`, principal);
    for (const subgraph of [`${previous},${next}`, `${next},${previous}`]) {
      await expect(verifyInternalToken(subgraph, before)).resolves.toEqual({ principal });
      await expect(verifyInternalToken(subgraph, during)).resolves.toEqual({ principal });
    }
    // Step 3: "previous" removed everywhere.
    await expect(verifyInternalToken(next, before)).resolves.toBeNull();
  });
});
