import { startTestPlatform, type TestPlatform } from './testing';

jest.setTimeout(120_000);

// The routing itself; the documents served this way are checked in holder-documents.e2e.spec.ts.
describe('npm start: one address for the API and the public routes of issuing and sessions', () => {
  let t: TestPlatform;
  let base: string;

  beforeAll(async () => {
    t = await startTestPlatform('sqlite', { loadSeeds: false });
    base = t.platform.publicUrl;
  });
  afterAll(() => t.stop());

  it('serves the key set at the gateway’s address, as issuing does', async () => {
    const issuing = (t.platform.services['issuing'] as { url: string }).url.replace('/graphql', '');
    const atGateway = await fetch(`${base}/.well-known/jwks.json`);
    expect(atGateway.status).toBe(200);
    expect(atGateway.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await atGateway.json()).toEqual(
      await (await fetch(`${issuing}/.well-known/jwks.json`)).json(),
    );
  });

  it.each([
    ['/verify/AAAABBBBCCCCDDDD', 404, 'text/html'],
    ['/credentials/00000000-0000-0000-0000-000000000000.pdf', 401, 'application/json'],
    ['/credentials/00000000-0000-0000-0000-000000000000.vc.jwt', 401, 'application/json'],
    ['/livrets/00000000-0000-0000-0000-000000000000.pdf', 401, 'application/json'],
    ['/sessions/00000000-0000-0000-0000-000000000000/proces-verbal.pdf', 401, 'application/json'],
  ])('forwards %s to the service behind it (%i)', async (path, status, type) => {
    const response = await fetch(`${base}${path}`, { headers: { 'x-request-id': 'route-check' } });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('x-request-id')).toBe('route-check');
  });

  it('answers a browser at /graphql with Apollo Sandbox (the README says so)', async () => {
    const page = await fetch(t.platform.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/sandbox/i);
  });

  it('keeps the rest private: internal routes and near misses are not forwarded', async () => {
    for (const path of ['/internal/personal-data/x', '/verifyx', '/.well-known/jwks.json/x']) {
      expect([path, (await fetch(`${base}${path}`)).status]).toEqual([path, 404]);
    }
  });

  it('forwards the caller’s bearer token to the service that checks it', async () => {
    const token = await t.token(['ADMIN']);
    const response = await fetch(`${base}/livrets/00000000-0000-0000-0000-000000000000.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
  });
});
