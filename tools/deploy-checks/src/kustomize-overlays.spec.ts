import { existsSync, readFileSync } from 'node:fs';
import { podTemplate, type Container, type K8sObject } from './kubernetes-objects';
import { manifestProblems } from './kubernetes-rules';
import { schemaProblems } from './kubernetes-schemas';
import { KUSTOMIZATIONS, kubectlUnavailableReason, renderObjects } from './kustomize';
import { missingPackageReason } from './optional-package';
import { deployableServices, workspacePath } from './workspace';

// Every kustomization renders, each object is valid for the Kubernetes API, and our own rules hold
// (tools/deploy-checks/src/kubernetes-rules.ts). What `kubectl apply -k infra/k8s/overlays/<x>`
// would send is exactly what is checked here.

const services = deployableServices();
const skipReason = kubectlUnavailableReason() ?? missingPackageReason('yaml');
const schemaSkipReason = missingPackageReason('kubernetes-models');

function containers(objects: K8sObject[]): Container[] {
  return objects.flatMap((object) => {
    const spec = podTemplate(object)?.spec;
    return spec ? [...(spec.initContainers ?? []), ...spec.containers] : [];
  });
}

/** Secret name → the keys the manifests read from it (envFrom reads whatever it holds). */
function referencedSecrets(objects: K8sObject[]): Map<string, Set<string>> {
  const secrets = new Map<string, Set<string>>();
  const keysOf = (name: string): Set<string> => {
    const keys = secrets.get(name) ?? new Set<string>();
    secrets.set(name, keys);
    return keys;
  };
  for (const container of containers(objects)) {
    for (const source of container.envFrom ?? [])
      if (source.secretRef) keysOf(source.secretRef.name);
    for (const env of container.env ?? []) {
      const ref = env.valueFrom?.secretKeyRef;
      if (ref) keysOf(ref.name).add(ref.key);
    }
  }
  return secrets;
}

function exampleKeys(secret: string): string[] | null {
  const path = workspacePath('infra/k8s/secrets.example', `${secret}.env`);
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
    .map((line) => line.slice(0, line.indexOf('=')));
}

for (const kustomization of KUSTOMIZATIONS) {
  const production = kustomization === 'overlays/prod';
  const title = `infra/k8s/${kustomization}`;
  if (skipReason) {
    describe.skip(`${title} — skipped: ${skipReason}`, () => it('renders', () => undefined));
    continue;
  }

  describe(title, () => {
    let objects: K8sObject[];
    beforeAll(() => {
      objects = renderObjects(kustomization);
    });

    it('renders with kubectl kustomize', () => {
      expect(objects.length).toBeGreaterThan(0);
      expect(
        objects.every((object) => object.apiVersion && object.kind && object.metadata?.name),
      ).toBe(true);
    });

    it('follows our rules: probes, resources, non-root, read-only, PDB and HPA, no secret values', () => {
      const imagesSetByOverlays = kustomization === 'base';
      expect(manifestProblems(objects, { services, production, imagesSetByOverlays })).toEqual([]);
    });

    (schemaSkipReason ? it.skip : it)(
      `is valid against the Kubernetes schemas${schemaSkipReason ? ` — skipped: ${schemaSkipReason}` : ''}`,
      () => {
        expect(schemaProblems(objects)).toEqual([]);
      },
    );

    it('references only Secrets that secrets.example documents, with the same keys', () => {
      const missing: string[] = [];
      for (const [secret, keys] of referencedSecrets(objects)) {
        const documented = exampleKeys(secret);
        if (!documented) missing.push(`${secret}: no infra/k8s/secrets.example/${secret}.env`);
        else
          for (const key of keys)
            if (!documented.includes(key)) missing.push(`${secret}: ${key} not in its example`);
      }
      expect(missing).toEqual([]);
    });

    if (kustomization !== 'base') {
      it('puts everything in its namespace', () => {
        const namespaces = new Set(
          objects.filter((o) => o.kind !== 'Namespace').map((o) => o.metadata.namespace),
        );
        expect([...namespaces]).toEqual([production ? 'certif' : 'certif-dev']);
      });
    }

    if (kustomization === 'overlays/dev') {
      it('runs its own MySQL and Kafka, with the databases, users and topics created', () => {
        const statefulSets = objects
          .filter((o) => o.kind === 'StatefulSet')
          .map((o) => o.metadata.name);
        expect(statefulSets.sort()).toEqual(['kafka', 'mysql']);
        const mysql = containers(
          objects.filter((o) => o.metadata.name === 'mysql'),
        )[0] as Container;
        const mysqlEnv = (mysql.env ?? []).map((env) => env.name);
        for (const service of services.filter((s) => s.database)) {
          expect(mysqlEnv).toContain(`${service.name.toUpperCase()}_DB_PASSWORD`);
        }
        const job = objects.find((o) => o.kind === 'Job' && o.metadata.name === 'kafka-topics');
        expect(JSON.stringify(job)).toContain('create-topics.sh');
      });
    }

    if (production) {
      it('points at managed MySQL and Kafka, not at in-cluster ones', () => {
        expect(objects.filter((o) => o.kind === 'StatefulSet')).toEqual([]);
        const config = objects.find(
          (o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('certif-config'),
        );
        expect(config?.data?.['DB_HOST']).not.toBe('mysql');
        expect(config?.data?.['KAFKA_BROKERS']).not.toBe('kafka:9092');
      });
    }
  });
}
