import { verifyInternalToken, INTERNAL_TOKEN_HEADER } from '@certif/platform-auth';
import { AuthenticatedDataSource } from './authenticated-data-source';

const secret = 'internal-secret-for-this-test-0123456789';

async function headersSentFor(context: object): Promise<Map<string, string>> {
  const headers = new Map<string, string>();
  const source = new AuthenticatedDataSource('http://subgraph/graphql', secret);
  await source.willSendRequest({
    request: { http: { headers, url: 'http://subgraph/graphql', method: 'POST' } },
    context,
  } as never);
  return headers;
}

describe('AuthenticatedDataSource', () => {
  it('forwards the request id and the verified identity, signed', async () => {
    const principal = { sub: 'juror-1', roles: ['JURY_MEMBER' as const] };
    const headers = await headersSentFor({ principal, requestId: 'req-42' });
    expect(headers.get('x-request-id')).toBe('req-42');
    await expect(verifyInternalToken(secret, headers.get(INTERNAL_TOKEN_HEADER))).resolves.toEqual({
      principal,
    });
  });

  it('forwards an anonymous call as anonymous, never as someone', async () => {
    const headers = await headersSentFor({ principal: null, requestId: 'req-43' });
    await expect(verifyInternalToken(secret, headers.get(INTERNAL_TOKEN_HEADER))).resolves.toEqual({
      principal: null,
    });
  });
});
