import {
  LONG_RUNNING_KINDS,
  objectId,
  podTemplate,
  selects,
  type Container,
  type EnvVar,
  type K8sObject,
  type LabelSelector,
  type PodSpec,
} from './kubernetes-objects';
import { serviceCallProblems } from './service-calls';
import type { DeployableService } from './workspace';

// Our own rules for what may run in the cluster, beyond what the Kubernetes schemas say. Each
// returns problems as sentences naming the object and the fix; an empty list means compliant.

export interface RuleOptions {
  /** infra/services.json: each must be deployed as the platform expects. */
  services: DeployableService[];
  /** Production: every image pinned to a released version, pods spread over nodes. */
  production: boolean;
  /** The base names images without a tag, for its overlays to set; it is never applied alone. */
  imagesSetByOverlays?: boolean;
}

export function manifestProblems(objects: K8sObject[], options: RuleOptions): string[] {
  return [
    ...objects.flatMap(workloadProblems),
    ...(options.imagesSetByOverlays
      ? []
      : objects.flatMap((object) => imageProblems(object, options.production))),
    ...objects.flatMap(secretProblems),
    ...availabilityProblems(objects, options.production),
    ...options.services.flatMap((service) => serviceProblems(objects, service)),
    ...networkPolicyProblems(objects),
    ...serviceCallProblems(objects, options.services),
    ...ingressProblems(objects, options.services),
  ];
}

const SECRET_NAME = /SECRET|PASSWORD|PRIVATE|SIGNING_KEY|TOKEN|CREDENTIAL/i;

function allContainers(spec: PodSpec): { container: Container; init: boolean }[] {
  return [
    ...(spec.initContainers ?? []).map((container) => ({ container, init: true })),
    ...spec.containers.map((container) => ({ container, init: false })),
  ];
}

/** Every container: requests and limits, non-root, read-only root, no escalation, no capabilities. */
export function workloadProblems(object: K8sObject): string[] {
  const template = podTemplate(object);
  if (!template) return [];
  const spec = template.spec;
  const id = objectId(object);
  const problems: string[] = [];
  if (spec.automountServiceAccountToken !== false) {
    problems.push(
      `${id}: set automountServiceAccountToken: false (nothing here calls the Kubernetes API)`,
    );
  }
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC)
    problems.push(`${id}: must not share the host's namespaces`);
  for (const volume of spec.volumes ?? []) {
    if (volume.hostPath) problems.push(`${id}: volume ${volume.name} mounts a host path`);
  }
  for (const { container, init } of allContainers(spec)) {
    const where = `${id} container ${container.name}`;
    const own = container.securityContext ?? {};
    const pod = spec.securityContext ?? {};
    for (const kind of ['requests', 'limits'] as const) {
      for (const resource of ['cpu', 'memory']) {
        if (!container.resources?.[kind]?.[resource])
          problems.push(`${where}: needs resources.${kind}.${resource}`);
      }
    }
    if ((own.runAsNonRoot ?? pod.runAsNonRoot) !== true)
      problems.push(`${where}: needs runAsNonRoot: true`);
    if ((own.runAsUser ?? pod.runAsUser) === 0)
      problems.push(`${where}: runs as root (runAsUser: 0)`);
    if (own.allowPrivilegeEscalation !== false)
      problems.push(`${where}: needs allowPrivilegeEscalation: false`);
    if (own.readOnlyRootFilesystem !== true) {
      problems.push(
        `${where}: needs readOnlyRootFilesystem: true (mount an emptyDir where it writes)`,
      );
    }
    if (own.privileged) problems.push(`${where}: must not be privileged`);
    if (!own.capabilities?.drop?.includes('ALL'))
      problems.push(`${where}: needs capabilities.drop: [ALL]`);
    if ((own.capabilities?.add ?? []).length > 0)
      problems.push(`${where}: must not add capabilities`);
    if ((own.seccompProfile ?? pod.seccompProfile)?.type !== 'RuntimeDefault') {
      problems.push(`${where}: needs seccompProfile RuntimeDefault`);
    }
    if (!init && LONG_RUNNING_KINDS.includes(object.kind)) {
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe'] as const) {
        if (!container[probe]) problems.push(`${where}: needs a ${probe}`);
      }
    }
  }
  return problems;
}

/** Images name a version: never `latest` or none; in production, a release (x.y.z) or a digest. */
export function imageProblems(object: K8sObject, production: boolean): string[] {
  const template = podTemplate(object);
  if (!template) return [];
  return allContainers(template.spec).flatMap(({ container }) => {
    const where = `${objectId(object)} container ${container.name}`;
    const image = container.image ?? '';
    if (!image) return [`${where}: has no image`];
    if (image.includes('@sha256:')) return [];
    const tag = /:([^:/]+)$/.exec(image)?.[1];
    if (!tag || tag === 'latest')
      return [`${where}: image ${image} must name a version, not latest`];
    if (production && !/^v?\d+\.\d+\.\d+([-+][\w.-]+)?$/.test(tag)) {
      return [
        `${where}: image ${image} must be pinned to a released version (x.y.z) or a digest in production`,
      ];
    }
    return [];
  });
}

/** Secrets are created in the cluster, never committed; secret values never sit in plain env or ConfigMaps. */
export function secretProblems(object: K8sObject): string[] {
  const id = objectId(object);
  if (
    object.kind === 'Secret' &&
    (Object.keys(object.data ?? {}).length > 0 || Object.keys(object.stringData ?? {}).length > 0)
  ) {
    return [
      `${id}: carries data; create Secrets in the cluster (infra/k8s/secrets.example), never in the manifests`,
    ];
  }
  if (object.kind === 'ConfigMap') {
    return Object.keys(object.data ?? {})
      .filter((key) => SECRET_NAME.test(key))
      .map((key) => `${id}: ${key} looks like a secret; put it in a Secret`);
  }
  const template = podTemplate(object);
  if (!template) return [];
  return allContainers(template.spec).flatMap(({ container }) =>
    (container.env ?? []).flatMap((env: EnvVar) => {
      const where = `${id} container ${container.name} env ${env.name}`;
      if (env.value === undefined) return [];
      if (SECRET_NAME.test(env.name))
        return [`${where}: a secret as a literal value; use secretKeyRef`];
      const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@/i.exec(env.value)?.[1];
      if (password && !/^\$\([A-Z0-9_]+\)$/.test(password)) {
        return [
          `${where}: a URL with a literal password; compose it from a secretKeyRef variable, $(DB_PASSWORD)`,
        ];
      }
      return [];
    }),
  );
}

/** Each Deployment has a PodDisruptionBudget and a HorizontalPodAutoscaler; in production, spread pods. */
export function availabilityProblems(objects: K8sObject[], production: boolean): string[] {
  const problems: string[] = [];
  for (const deployment of objects.filter((object) => object.kind === 'Deployment')) {
    const id = objectId(deployment);
    const labels = podTemplate(deployment)?.metadata?.labels;
    const budgets = objects.filter(
      (object) =>
        object.kind === 'PodDisruptionBudget' &&
        selects((object.spec as { selector?: LabelSelector }).selector, labels),
    );
    if (budgets.length !== 1)
      problems.push(
        `${id}: needs exactly one PodDisruptionBudget selecting its pods (has ${budgets.length})`,
      );
    const autoscalers = objects.filter((object) => {
      const target = (
        object.spec as { scaleTargetRef?: { kind: string; name: string } } | undefined
      )?.scaleTargetRef;
      return (
        object.kind === 'HorizontalPodAutoscaler' &&
        target?.kind === 'Deployment' &&
        target.name === deployment.metadata.name
      );
    });
    if (autoscalers.length !== 1)
      problems.push(`${id}: needs exactly one HorizontalPodAutoscaler (has ${autoscalers.length})`);
    const spec = deployment.spec as { replicas?: number };
    if (autoscalers.length > 0 && spec.replicas !== undefined) {
      problems.push(
        `${id}: leave spec.replicas to its HorizontalPodAutoscaler (kubectl apply would reset it)`,
      );
    }
    if (production) {
      const minReplicas =
        (autoscalers[0]?.spec as { minReplicas?: number } | undefined)?.minReplicas ?? 1;
      if (minReplicas < 2)
        problems.push(
          `${id}: needs at least 2 replicas in production (HPA minReplicas ${minReplicas})`,
        );
      if (!podTemplate(deployment)?.spec.affinity?.podAntiAffinity) {
        problems.push(
          `${id}: needs podAntiAffinity in production, so that one node does not hold all its pods`,
        );
      }
    }
  }
  return problems;
}

/** A deployed service as the platform expects it: its port, probes, configuration, migrations. */
export function serviceProblems(objects: K8sObject[], service: DeployableService): string[] {
  const deployment = objects.find(
    (object) => object.kind === 'Deployment' && object.metadata.name === service.name,
  );
  if (!deployment) return [`${service.name}: no Deployment (infra/services.json lists it)`];
  const id = objectId(deployment);
  const spec = podTemplate(deployment)?.spec as PodSpec;
  const app = spec.containers.find((container) => container.name === 'app');
  if (!app)
    return [`${id}: its main container must be named app (the shared patches merge on that name)`];
  const problems: string[] = [];
  const httpPort = app.ports?.find((port) => port.name === 'http')?.containerPort;
  if (httpPort !== service.port)
    problems.push(`${id}: container port http must be ${service.port} (has ${httpPort})`);
  const portEnv = app.env?.find((env) => env.name === 'PORT')?.value;
  if (portEnv !== String(service.port))
    problems.push(`${id}: env PORT must be "${service.port}" (has ${portEnv})`);
  const probes = [
    ['readinessProbe', '/readyz'],
    ['livenessProbe', '/healthz'],
    ['startupProbe', '/healthz'],
  ] as const;
  for (const [probe, path] of probes) {
    const httpGet = app[probe]?.httpGet;
    if (httpGet?.path !== path || httpGet.port !== 'http')
      problems.push(`${id}: ${probe} must GET ${path} on port http`);
  }
  const expectedImage = new RegExp(`(^|/)certif/${service.name}(:|@|$)`);
  if (!expectedImage.test(app.image ?? ''))
    problems.push(`${id}: runs ${app.image}, not the ${service.name} image`);
  const secretsFrom = (app.envFrom ?? []).map((source) => source.secretRef?.name);
  if (!secretsFrom.includes('certif-auth'))
    problems.push(`${id}: needs the certif-auth Secret (AUTH_JWT_SECRET, INTERNAL_AUTH_SECRET)`);
  const migrate = spec.initContainers?.find((container) => container.name === 'migrate');
  if (service.database) {
    if (!migrate)
      problems.push(`${id}: needs the init container migrate (node migrate.js) before it serves`);
    else {
      if (migrate.image !== app.image)
        problems.push(`${id}: init container migrate must run the app's image (${app.image})`);
      if ((migrate.args ?? []).join(' ') !== 'node migrate.js')
        problems.push(`${id}: init container migrate must run node migrate.js`);
      for (const container of [app, migrate]) {
        if (!container.env?.some((env) => env.name === 'DATABASE_URL')) {
          problems.push(`${id} container ${container.name}: needs DATABASE_URL`);
        }
      }
    }
  } else if (migrate) {
    problems.push(`${id}: has no database, so no migrations`);
  }
  const k8sService = objects.find(
    (object) => object.kind === 'Service' && object.metadata.name === service.name,
  );
  const servicePort = (
    k8sService?.spec as { ports?: { port: number; targetPort?: string | number }[] } | undefined
  )?.ports?.[0];
  if (servicePort?.port !== service.port || servicePort.targetPort !== 'http') {
    problems.push(
      `${service.name}: needs a Service on port ${service.port} targeting the named port http`,
    );
  }
  return problems;
}

export function networkPolicyProblems(objects: K8sObject[]): string[] {
  const defaultDeny = objects.some((object) => {
    if (object.kind !== 'NetworkPolicy') return false;
    const spec = object.spec as {
      podSelector?: object;
      policyTypes?: string[];
      ingress?: unknown[];
      egress?: unknown[];
    };
    return (
      Object.keys(spec.podSelector ?? { any: true }).length === 0 &&
      ['Ingress', 'Egress'].every((type) => spec.policyTypes?.includes(type)) &&
      !spec.ingress?.length &&
      !spec.egress?.length
    );
  });
  return defaultDeny
    ? []
    : ['NetworkPolicy: needs a default deny of ingress and egress for every pod'];
}

/** Public routes are exactly the services' publicPaths (infra/services.json), nothing else. */
export function ingressProblems(objects: K8sObject[], services: DeployableService[]): string[] {
  const allowed = Object.fromEntries(
    services.map((service) => [service.name, service.publicPaths]),
  );
  const problems: string[] = [];
  const exposed = new Set<string>();
  for (const ingress of objects.filter((object) => object.kind === 'Ingress')) {
    const spec = ingress.spec as {
      rules?: {
        http?: { paths?: { path?: string; backend?: { service?: { name?: string } } }[] };
      }[];
    };
    for (const path of (spec.rules ?? []).flatMap((rule) => rule.http?.paths ?? [])) {
      const backend = path.backend?.service?.name ?? '?';
      exposed.add(`${backend} ${path.path}`);
      if (!allowed[backend]?.includes(path.path ?? '')) {
        problems.push(
          `${objectId(ingress)}: exposes ${backend} ${path.path}, which is not in its publicPaths (infra/services.json)`,
        );
      }
    }
  }
  for (const service of services) {
    for (const path of service.publicPaths) {
      if (!exposed.has(`${service.name} ${path}`))
        problems.push(`Ingress: ${service.name} ${path} must be public`);
    }
  }
  return problems;
}
