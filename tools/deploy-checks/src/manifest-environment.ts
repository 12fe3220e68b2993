import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { podTemplate, type Container, type K8sObject } from './kubernetes-objects';
import { workspacePath } from './workspace';

// The environment a container gets from its manifest, computed as Kubernetes and Compose compute
// it: for Kubernetes, envFrom (ConfigMaps, Secrets) then env in order, `valueFrom` references and
// `$(VAR)` expansion; for Compose, `${VAR}`, `${VAR:-default}`, `${VAR:?error}` interpolation
// from an .env. The production rehearsal starts the built services with exactly that.

export type Env = Record<string, string>;

/** A generated value for each secret key the examples document (infra/k8s/secrets.example). */
export function generatedSecretValue(key: string, database: { user: string; password: string }) {
  if (key === 'DB_USER') return database.user;
  if (key === 'DB_PASSWORD') return database.password;
  if (key === 'ISSUING_SIGNING_KEY') {
    return JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
  }
  return randomBytes(32).toString('hex');
}

/** Secret name → generated values, for every `<name>.env` of infra/k8s/secrets.example. */
export function generatedSecrets(database: { user: string; password: string }): Map<string, Env> {
  const folder = workspacePath('infra/k8s/secrets.example');
  const secrets = new Map<string, Env>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.env'))) {
    const values: Env = {};
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const match = /^([A-Z][A-Z0-9_]*)=/.exec(line);
      if (match?.[1]) values[match[1]] = generatedSecretValue(match[1], database);
    }
    secrets.set(file.replace(/\.env$/, ''), values);
  }
  return secrets;
}

/** ConfigMap name → its data, from rendered objects. */
export function configMaps(objects: K8sObject[]): Map<string, Env> {
  return new Map(
    objects
      .filter((object) => object.kind === 'ConfigMap')
      .map((object) => [object.metadata.name, { ...(object.data ?? {}) }]),
  );
}

/** The `$(VAR)` expansion of Kubernetes: defined variables are replaced, others left as written. */
export function expandReferences(value: string, env: Env): string {
  return value.replace(
    /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
    (whole, name: string) => env[name] ?? whole,
  );
}

export function containerEnvironment(
  container: Container,
  maps: Map<string, Env>,
  secrets: Map<string, Env>,
): Env {
  const lookup = (kind: string, store: Map<string, Env>, name: string): Env => {
    const found = store.get(name);
    if (!found) throw new Error(`${container.name}: ${kind} ${name} does not exist`);
    return found;
  };
  const env: Env = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef)
      Object.assign(env, lookup('ConfigMap', maps, source.configMapRef.name));
    if (source.secretRef) Object.assign(env, lookup('Secret', secrets, source.secretRef.name));
  }
  for (const entry of container.env ?? []) {
    const secretRef = entry.valueFrom?.secretKeyRef;
    const mapRef = entry.valueFrom?.configMapKeyRef;
    let value: string | undefined;
    if (entry.value !== undefined) value = expandReferences(entry.value, env);
    else if (secretRef) value = lookup('Secret', secrets, secretRef.name)[secretRef.key];
    else if (mapRef) value = lookup('ConfigMap', maps, mapRef.name)[mapRef.key];
    if (value === undefined) throw new Error(`${container.name}: ${entry.name} has no value`);
    env[entry.name] = value;
  }
  return env;
}

export interface WorkloadLaunch {
  name: string;
  /** Init containers, in order: command line and environment. */
  init: { name: string; args: string[]; env: Env }[];
  args: string[];
  env: Env;
}

/** The image's CMD when a container gives none (Dockerfile). */
const IMAGE_COMMAND = ['node', '--enable-source-maps', 'main.js'];

export function deploymentLaunches(
  objects: K8sObject[],
  maps: Map<string, Env>,
  secrets: Map<string, Env>,
): WorkloadLaunch[] {
  return objects.flatMap((object) => {
    const template = podTemplate(object);
    if (object.kind !== 'Deployment' || !template) return [];
    const app = template.spec.containers[0];
    if (!app) return [];
    const commandOf = (container: Container) => [
      ...(container.command ?? []),
      ...(container.args ?? []),
    ];
    return [
      {
        name: object.metadata.name,
        init: (template.spec.initContainers ?? []).map((container) => ({
          name: container.name,
          args: commandOf(container),
          env: containerEnvironment(container, maps, secrets),
        })),
        args: commandOf(app).length > 0 ? commandOf(app) : IMAGE_COMMAND,
        env: containerEnvironment(app, maps, secrets),
      },
    ];
  });
}

/** Compose's interpolation of `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `$$`. */
export function interpolateCompose(value: string, env: Env): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
    (
      whole,
      name: string | undefined,
      operator: string | undefined,
      argument: string | undefined,
    ) => {
      if (whole === '$$') return '$';
      const set = env[name as string];
      const empty = set === undefined || set === '';
      switch (operator) {
        case ':-':
          return empty ? (argument ?? '') : set;
        case '-':
          return set === undefined ? (argument ?? '') : set;
        case ':?':
        case '?':
          if (operator === ':?' ? empty : set === undefined) {
            throw new Error(`compose: ${name} is required: ${argument ?? ''}`);
          }
          return set as string;
        default:
          return set ?? '';
      }
    },
  );
}
