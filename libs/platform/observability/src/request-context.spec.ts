import { currentRequestId, requestIdFrom, runWithRequestId } from './request-context';

describe('request id', () => {
  it('keeps a well-formed id from the caller', () => {
    expect(requestIdFrom('gw-1234')).toBe('gw-1234');
  });

  it('replaces a missing or suspicious id with a fresh uuid', () => {
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('bad id\nwith newline')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is visible to everything that runs within the request, across awaits', async () => {
    const seen = await runWithRequestId('r-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentRequestId();
    });
    expect(seen).toBe('r-1');
    expect(currentRequestId()).toBeUndefined();
  });
});
