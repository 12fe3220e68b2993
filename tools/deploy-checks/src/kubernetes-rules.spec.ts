import type { Container, K8sObject, PodSpec } from './kubernetes-objects';
import { manifestProblems } from './kubernetes-rules';
import type { DeployableService } from './workspace';

// The rules on small hand-made manifests, both sides of each: a compliant set has no problem, and
// each breach is named.

const services: DeployableService[] = [
  { name: 'gateway', port: 4000, database: false, assets: [], publicPaths: ['/graphql'] },
  { name: 'referentials', port: 4001, database: true, assets: [], publicPaths: ['/verify'] },
];

// Functions, not constants: each case breaks its own copy.
const hardened = () => ({
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
});
const resources = () => ({
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '1', memory: '512Mi' },
});

function appContainer(name: string, port: number, image: string): Container {
  const probe = (path: string) => ({ httpGet: { path, port: 'http' } });
  return {
    name: 'app',
    image,
    ports: [{ name: 'http', containerPort: port }],
    env: [
      { name: 'PORT', value: String(port) },
      ...(name === 'gateway'
        ? []
        : [
            {
              name: 'DB_PASSWORD',
              valueFrom: { secretKeyRef: { name: `${name}-db`, key: 'DB_PASSWORD' } },
            },
            {
              name: 'DATABASE_URL',
              value: 'mysql://$(DB_USER):$(DB_PASSWORD)@$(DB_HOST):$(DB_PORT)',
            },
          ]),
    ],
    envFrom: [{ secretRef: { name: 'certif-auth' } }],
    resources: resources(),
    securityContext: hardened(),
    readinessProbe: probe('/readyz'),
    livenessProbe: probe('/healthz'),
    startupProbe: probe('/healthz'),
  };
}

function deployment(service: DeployableService, production: boolean): K8sObject {
  const image = `registry.example.org/certif/${service.name}:${production ? '1.2.3' : 'dev'}`;
  const app = appContainer(service.name, service.port, image);
  const spec: PodSpec = {
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: [app],
    ...(service.database
      ? {
          initContainers: [
            {
              name: 'migrate',
              image,
              args: ['node', 'migrate.js'],
              env: [...(app.env ?? [])],
              resources: resources(),
              securityContext: hardened(),
            },
          ],
        }
      : {}),
    ...(production
      ? { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } } }
      : {}),
  };
  const labels = { 'app.kubernetes.io/name': service.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service.name },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec } },
  };
}

function compliant(production = false): K8sObject[] {
  return [
    ...services.flatMap((service): K8sObject[] => [
      deployment(service, production),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: service.name },
        spec: { ports: [{ port: service.port, targetPort: 'http' }] },
      },
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: service.name },
        spec: {
          scaleTargetRef: { kind: 'Deployment', name: service.name },
          minReplicas: production ? 3 : 1,
        },
      },
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: service.name },
        spec: {
          maxUnavailable: 1,
          selector: { matchLabels: { 'app.kubernetes.io/name': service.name } },
        },
      },
    ]),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'public' },
      spec: {
        rules: [
          {
            http: {
              paths: [
                { path: '/graphql', backend: { service: { name: 'gateway' } } },
                { path: '/verify', backend: { service: { name: 'referentials' } } },
              ],
            },
          },
        ],
      },
    },
  ];
}

type Spec = { spec: { template: { spec: PodSpec } } };
const podSpec = (objects: K8sObject[], name: string): PodSpec =>
  (objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name) as unknown as Spec).spec
    .template.spec;
const app = (objects: K8sObject[], name = 'referentials'): Container =>
  podSpec(objects, name).containers[0] as Container;
const specOf = <T>(objects: K8sObject[], kind: string): T =>
  objects.find((o) => o.kind === kind)?.spec as T;
const publicPaths = (objects: K8sObject[]): unknown[] =>
  specOf<{ rules: { http: { paths: unknown[] } }[] }>(objects, 'Ingress').rules[0]?.http.paths ??
  [];

describe('manifest rules', () => {
  it('find nothing wrong in a compliant set, in development and in production', () => {
    expect(manifestProblems(compliant(), { services, production: false })).toEqual([]);
    expect(manifestProblems(compliant(true), { services, production: true })).toEqual([]);
  });

  const breaches: [string, (objects: K8sObject[]) => void, RegExp, boolean?][] = [
    [
      'no readiness probe',
      (o) => delete app(o).readinessProbe,
      /container app: needs a readinessProbe/,
    ],
    ['no startup probe', (o) => delete app(o).startupProbe, /needs a startupProbe/],
    [
      'liveness on the wrong path',
      (o) => (app(o).livenessProbe = { httpGet: { path: '/readyz', port: 'http' } }),
      /livenessProbe must GET \/healthz/,
    ],
    [
      'no memory limit',
      (o) => delete app(o).resources?.limits?.['memory'],
      /needs resources.limits.memory/,
    ],
    [
      'no cpu request on the init container',
      (o) => delete podSpec(o, 'referentials').initContainers?.[0]?.resources?.requests?.['cpu'],
      /container migrate: needs resources.requests.cpu/,
    ],
    [
      'may run as root',
      (o) => delete podSpec(o, 'gateway').securityContext?.runAsNonRoot,
      /Deployment\/gateway container app: needs runAsNonRoot/,
    ],
    [
      'runs as uid 0',
      (o) =>
        (podSpec(o, 'gateway').securityContext = {
          runAsNonRoot: true,
          runAsUser: 0,
          seccompProfile: { type: 'RuntimeDefault' },
        }),
      /runs as root/,
    ],
    [
      'a writable root filesystem',
      (o) => (app(o).securityContext = { ...hardened(), readOnlyRootFilesystem: false }),
      /needs readOnlyRootFilesystem: true/,
    ],
    [
      'privilege escalation',
      (o) => (app(o).securityContext = { ...hardened(), allowPrivilegeEscalation: true }),
      /needs allowPrivilegeEscalation: false/,
    ],
    [
      'capabilities kept',
      (o) => (app(o).securityContext = { ...hardened(), capabilities: {} }),
      /needs capabilities.drop: \[ALL\]/,
    ],
    [
      'no seccomp profile',
      (o) => delete podSpec(o, 'gateway').securityContext?.seccompProfile,
      /needs seccompProfile RuntimeDefault/,
    ],
    [
      'the service account token mounted',
      (o) => delete podSpec(o, 'gateway').automountServiceAccountToken,
      /automountServiceAccountToken: false/,
    ],
    [
      'no PodDisruptionBudget',
      (o) =>
        o.splice(
          o.findIndex((x) => x.kind === 'PodDisruptionBudget'),
          1,
        ),
      /Deployment\/gateway: needs exactly one PodDisruptionBudget/,
    ],
    [
      'no HorizontalPodAutoscaler',
      (o) =>
        o.splice(
          o.findIndex((x) => x.kind === 'HorizontalPodAutoscaler'),
          1,
        ),
      /needs exactly one HorizontalPodAutoscaler/,
    ],
    [
      'replicas fixed beside the autoscaler',
      (o) => ((o[0]?.spec as { replicas?: number }).replicas = 2),
      /leave spec.replicas/,
    ],
    [
      'no migrations before serving',
      (o) => delete podSpec(o, 'referentials').initContainers,
      /needs the init container migrate/,
    ],
    [
      'migrations from another image',
      (o) =>
        ((podSpec(o, 'referentials').initContainers?.[0] as Container).image =
          'certif/referentials:old'),
      /must run the app's image/,
    ],
    [
      'the wrong port',
      (o) => (app(o).ports = [{ name: 'http', containerPort: 4002 }]),
      /container port http must be 4001/,
    ],
    [
      'a service missing',
      (o) =>
        o.splice(
          o.findIndex((x) => x.kind === 'Deployment' && x.metadata.name === 'referentials'),
          1,
        ),
      /referentials: no Deployment/,
    ],
    [
      'a secret in plain env',
      (o) => app(o).env?.push({ name: 'AUTH_JWT_SECRET', value: 'x'.repeat(40) }),
      /a secret as a literal value/,
    ],
    [
      'a literal password in a URL',
      (o) => app(o).env?.push({ name: 'DATABASE_URL', value: 'mysql://app:hunter2@db:3306' }),
      /a URL with a literal password/,
    ],
    [
      'a Secret with data',
      (o) =>
        o.push({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'certif-auth' },
          data: { AUTH_JWT_SECRET: 'eA==' },
        }),
      /Secret\/certif-auth: carries data/,
    ],
    [
      'no default deny',
      (o) =>
        o.splice(
          o.findIndex((x) => x.kind === 'NetworkPolicy'),
          1,
        ),
      /needs a default deny/,
    ],
    [
      'a subgraph made public',
      (o) =>
        publicPaths(o).push({ path: '/graphql', backend: { service: { name: 'referentials' } } }),
      /exposes referentials \/graphql, which is not in its publicPaths/,
    ],
    [
      'the verification page not public',
      (o) => publicPaths(o).splice(1, 1),
      /referentials \/verify must be public/,
    ],
    [
      'an image without a version',
      (o) => (app(o).image = 'certif/referentials'),
      /must name a version, not latest/,
    ],
    [
      'a moving tag in production',
      (o) => (app(o).image = 'registry.example.org/certif/referentials:dev'),
      /pinned to a released version/,
      true,
    ],
    [
      'one replica in production',
      (o) => (specOf<{ minReplicas: number }>(o, 'HorizontalPodAutoscaler').minReplicas = 1),
      /at least 2 replicas in production/,
      true,
    ],
    [
      'no anti-affinity in production',
      (o) => delete podSpec(o, 'gateway').affinity,
      /needs podAntiAffinity in production/,
      true,
    ],
  ];

  it.each(breaches)('name %s', (_breach, breach, problem, production = false) => {
    const objects = compliant(production);
    breach(objects);
    const problems = manifestProblems(objects, { services, production });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it('accept a digest as a pinned image in production', () => {
    const objects = compliant(true);
    app(objects).image = `registry.example.org/certif/referentials@sha256:${'a'.repeat(64)}`;
    (podSpec(objects, 'referentials').initContainers?.[0] as Container).image = app(objects)
      .image as string;
    expect(manifestProblems(objects, { services, production: true })).toEqual([]);
  });
});
