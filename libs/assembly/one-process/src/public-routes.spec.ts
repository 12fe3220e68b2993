import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PUBLIC_ROUTES, routeMatches, type PublicRoute } from './public-routes';

interface IngressPath {
  path: string;
  pathType: PublicRoute['pathType'];
  backend: { service: { name: string } };
}
interface Ingress {
  kind: string;
  spec: { rules: { http: { paths: IngressPath[] } }[] };
}

/** Every route of the Ingresses of infra/k8s/base, as path, path type and service. */
function ingressRoutes(): PublicRoute[] {
  const file = resolve(__dirname, '../../../../infra/k8s/base/ingress.yaml');
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((document) => document.toJS() as Ingress)
    .filter((object) => object.kind === 'Ingress')
    .flatMap((ingress) => ingress.spec.rules.flatMap((rule) => rule.http.paths))
    .map(({ path, pathType, backend }) => ({ path, pathType, service: backend.service.name }));
}

const byPath = (a: PublicRoute, b: PublicRoute) => a.path.localeCompare(b.path);

describe('the one public address', () => {
  it('npm start serves exactly the routes the Kubernetes Ingress serves', () => {
    expect([...PUBLIC_ROUTES].sort(byPath)).toEqual(ingressRoutes().sort(byPath));
  });

  it.each([
    ['/verify', '/verify/ABCD-1234', true],
    ['/verify', '/verify', true],
    ['/verify', '/verifyx', false],
    ['/.well-known/jwks.json', '/.well-known/jwks.json', true],
    ['/.well-known/jwks.json', '/.well-known/jwks.json/x', false],
    ['/graphql', '/graphql/x', false],
  ])('the route %s matches %s: %s (Ingress path types)', (path, requested, expected) => {
    const route = PUBLIC_ROUTES.find((candidate) => candidate.path === path) as PublicRoute;
    expect(routeMatches(route, requested)).toBe(expected);
  });
});
