import { ExpiringLru } from './token-cache';
import { clearInternalTokenCaches, signInternalToken, verifyInternalToken } from './internal-token';
import { secretKeyObjects } from './secrets';

describe('ExpiringLru', () => {
  it('forgets an entry at its expiry, and the least recently used one past its capacity', () => {
    let now = 1_000;
    const cache = new ExpiringLru<string>(2, () => now);
    cache.set('a', 'A', 2_000);
    cache.set('b', 'B', 5_000);
    expect(cache.get('a')).toBe('A'); // a is now the most recently used
    cache.set('c', 'C', 5_000); // b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    now = 2_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe('C');
    cache.set('d', 'D', 1_500); // already expired: not kept
    expect(cache.size).toBe(1);
  });
});

describe('internal token caches', () => {
  const secret = 'a-test-secret-that-is-long-enough-for-hs256';
  afterEach(() => jest.useRealTimers());

  it('builds the keys of a secret list once', () => {
    expect(secretKeyObjects(secret)).toBe(secretKeyObjects(secret));
    expect(secretKeyObjects(`${secret},${'n'.repeat(40)}`)).toHaveLength(2);
  });

  it('reuses a signed token for the same principal, not for another', async () => {
    clearInternalTokenCaches();
    const principal = { sub: 'u', roles: ['ADMIN' as const] };
    const first = await signInternalToken(secret, principal);
    expect(await signInternalToken(secret, { ...principal })).toBe(first);
    expect(await signInternalToken(secret, { sub: 'v', roles: ['ADMIN' as const] })).not.toBe(
      first,
    );
    expect(await signInternalToken(secret, null)).not.toBe(first);
    expect(await signInternalToken('o'.repeat(40), principal)).not.toBe(first);
  });

  it('signs a fresh token once the reused one has less than a minute left', async () => {
    clearInternalTokenCaches();
    jest.useFakeTimers({ now: new Date('2026-06-10T10:00:00Z'), doNotFake: ['nextTick'] });
    const principal = { sub: 'u', roles: ['ADMIN' as const] };
    const first = await signInternalToken(secret, principal);
    jest.setSystemTime(new Date('2026-06-10T10:00:59Z'));
    expect(await signInternalToken(secret, principal)).toBe(first);
    jest.setSystemTime(new Date('2026-06-10T10:01:01Z'));
    expect(await signInternalToken(secret, principal)).not.toBe(first);
  });

  it('refuses a remembered token once it has expired', async () => {
    clearInternalTokenCaches();
    jest.useFakeTimers({ now: new Date('2026-06-10T10:00:00Z'), doNotFake: ['nextTick'] });
    const principal = { sub: 'u', roles: ['ADMIN' as const] };
    const token = await signInternalToken(secret, principal);
    await expect(verifyInternalToken(secret, token)).resolves.toEqual({ principal });
    await expect(verifyInternalToken(secret, token)).resolves.toEqual({ principal });
    jest.setSystemTime(new Date('2026-06-10T10:02:00Z'));
    await expect(verifyInternalToken(secret, token)).resolves.toBeNull();
  });
});
