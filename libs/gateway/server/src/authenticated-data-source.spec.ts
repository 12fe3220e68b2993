import { verifyInternalToken, INTERNAL_TOKEN_HEADER } from '@certif/platform-auth';
import { AuthenticatedDataSource, INLINE_TRACE_HEADER } from './authenticated-data-source';

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

describe('AuthenticatedDataSource, over HTTP', () => {
  it('reuses its connections to a subgraph (keep-alive) and asks for no inline trace', async () => {
    const { createServer } = await import('node:http');
    let connections = 0;
    const traceHeaders: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      traceHeaders.push(request.headers[INLINE_TRACE_HEADER] as string | undefined);
      request.resume();
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { ok: true } }));
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    try {
      const source = new AuthenticatedDataSource(`http://127.0.0.1:${port}/graphql`, secret);
      for (let i = 0; i < 20; i += 1) {
        await source.process({
          kind: 'incoming operation',
          request: {
            query: '{ ok }',
            // What @apollo/gateway sets when usage reporting wants traces.
            http: { headers: new Headers({ [INLINE_TRACE_HEADER]: 'ftv1' }) },
          },
          context: { principal: null, requestId: `req-${i}` },
        } as never);
      }
      // Twenty calls one after another: one or two connections (undici may open a second while
      // the first is being set up), never one per call.
      expect(connections).toBeLessThanOrEqual(2);
      expect(traceHeaders).toHaveLength(20);
      expect(traceHeaders.filter((h) => h !== undefined)).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
