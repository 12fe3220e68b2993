import type { K8sObject } from './kubernetes-objects';
import { schemaProblems } from './kubernetes-schemas';
import { missingPackageReason } from './optional-package';

// The schema check itself, on both sides: what the API accepts passes, what it refuses is named.
const skipReason = missingPackageReason('kubernetes-models');

const service = (port: unknown): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'referentials' },
  spec: { selector: { app: 'referentials' }, ports: [{ name: 'http', port }] },
});

(skipReason ? describe.skip : describe)(
  `kubernetes-models schema check${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    it('accepts a valid object', () => {
      expect(schemaProblems([service(4001)])).toEqual([]);
    });

    it('names a field of the wrong type, a missing required field and an unknown kind', () => {
      const deployment: K8sObject = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'x' },
        spec: {},
      };
      const unknown: K8sObject = {
        apiVersion: 'apps/v1',
        kind: 'Deploymnt',
        metadata: { name: 'y' },
      };
      const problems = schemaProblems([service('http-port'), deployment, unknown]);
      expect(problems).toEqual([
        expect.stringMatching(/^Service\/referentials: \/spec\/ports\/0\/port must be integer/),
        'Deployment/x: /spec must have required property selector; /spec must have required property template',
        expect.stringMatching(/^Deploymnt\/y: apps\/v1 Deploymnt is not a Kubernetes API kind/),
      ]);
    });
  },
);
