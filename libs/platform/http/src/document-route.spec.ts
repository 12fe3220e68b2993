import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { InvalidToken, type Principal } from '@certif/platform-auth';
import { Conflict, Forbidden, NotFound } from '@certif/platform-errors';
import { createLogger } from '@certif/platform-observability';
import { anyone, bearerCaller, documentRoute } from './document-route';

class NotYet extends Error {}

const principal: Principal = { sub: 'u-1', roles: ['ADMIN'] };
const verify = async (token: string) => {
  if (token !== 'good') throw new InvalidToken('signature verification failed');
  return principal;
};
const logger = createLogger({ service: 'test', level: 'silent' });

describe('documentRoute: one way to serve a PDF or a JWT, one error body', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    documentRoute({
      path: '/documents/:id.pdf',
      type: 'application/pdf',
      disposition: 'inline',
      caller: bearerCaller(verify),
      produce: async (_caller, { id }) => {
        if (id === 'missing') throw new NotFound('document', id);
        if (id === 'secret') throw new Forbidden('not yours');
        if (id === 'changed') throw new Conflict('changed meanwhile');
        if (id === 'early') throw new NotYet('not deliberated yet');
        if (id === 'broken') throw new Error('disk on fire');
        return { filename: `doc-${id}.pdf`, body: Buffer.from('%PDF-1.7') };
      },
      refusal: (error) => (error instanceof NotYet ? 409 : undefined),
      logger,
    })(app);
    documentRoute({
      path: '/lists/:list',
      type: 'application/vc+jwt',
      cacheControl: 'public, max-age=300',
      caller: anyone,
      produce: async (_anyone, { list }) => ({ body: `jwt-of-${list}` }),
      logger,
    })(app);
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, token?: string) =>
    fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('serves the document with its type, disposition and no caching', async () => {
    const response = await get('/documents/a1.pdf', 'good');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="doc-a1.pdf"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('serves a public document to anyone, cached as the route says', async () => {
    const response = await get('/lists/L-1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vc+jwt');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toBe('jwt-of-L-1');
  });

  it.each([
    ['/documents/a1.pdf', undefined, 401, 'UNAUTHENTICATED'],
    ['/documents/a1.pdf', 'bad', 401, 'UNAUTHENTICATED'],
    ['/documents/secret.pdf', 'good', 403, 'FORBIDDEN'],
    ['/documents/missing.pdf', 'good', 404, 'NOT_FOUND'],
    ['/documents/changed.pdf', 'good', 409, 'BAD_USER_INPUT'],
    ['/documents/early.pdf', 'good', 409, 'BAD_USER_INPUT'],
    ['/documents/broken.pdf', 'good', 500, 'INTERNAL_SERVER_ERROR'],
  ])(
    '%s with token %s answers %i with code %s in the one body',
    async (path, token, status, code) => {
      const response = await get(path, token);
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body).toEqual({ error: { code, message: expect.any(String) } });
      if (status === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
      if (status === 500) expect(body.error.message).toBe('Internal server error');
    },
  );
});
