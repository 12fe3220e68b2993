import type { K8sObject } from './kubernetes-objects';
import { serviceCallProblems } from './service-calls';
import type { DeployableService } from './workspace';

const services: DeployableService[] = ['candidates', 'issuing'].map((name, index) => ({
  name,
  port: 4002 + index * 2,
  database: true,
  assets: [],
  publicPaths: [],
}));

function deployment(name: string, env: Record<string, string> = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: {
          containers: [
            { name: 'app', env: Object.entries(env).map(([key, value]) => ({ name: key, value })) },
          ],
        },
      },
    },
  };
}

function policy(name: string, spec: object): K8sObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name }, spec };
}

const pod = (name: string) => ({
  podSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
});
const denyAll = policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
const egress = policy('candidates-to-issuing', {
  ...pod('candidates'),
  policyTypes: ['Egress'],
  egress: [{ to: [pod('issuing')], ports: [{ protocol: 'TCP', port: 'http' }] }],
});
const ingress = policy('issuing-from-candidates', {
  ...pod('issuing'),
  policyTypes: ['Ingress'],
  ingress: [{ from: [pod('candidates')], ports: [{ protocol: 'TCP', port: 'http' }] }],
});
const calling = [
  deployment('candidates', { ISSUING_SERVICE_URL: 'http://issuing:4004' }),
  deployment('issuing'),
];

describe('service calls through the NetworkPolicies', () => {
  it('are fine when egress and ingress both let them through', () => {
    expect(serviceCallProblems([...calling, denyAll, egress, ingress], services)).toEqual([]);
  });

  it('are refused under a default deny without the two policies, naming both', () => {
    expect(serviceCallProblems([...calling, denyAll], services)).toEqual([
      'Deployment/candidates: ISSUING_SERVICE_URL calls issuing:4004, but no NetworkPolicy lets candidates egress to it',
      'Deployment/candidates: ISSUING_SERVICE_URL calls issuing:4004, but no NetworkPolicy lets issuing accept candidates',
    ]);
    expect(serviceCallProblems([...calling, denyAll, egress], services)).toHaveLength(1);
  });

  it('ignore addresses that are not a deployed service', () => {
    const external = deployment('candidates', { AUTH_JWKS_URL: 'https://idp.example.org/jwks' });
    expect(serviceCallProblems([external, denyAll], services)).toEqual([]);
  });
});
