import { objectId, podTemplate, type K8sObject } from './kubernetes-objects';
import type { DeployableService } from './workspace';

// A service that calls another one (an `http://<service>:<port>` in its environment) must be let
// through by the NetworkPolicies both ways: egress from the caller, ingress to the callee. Without
// it the call times out in the cluster while every manifest check is green.

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface PolicyPeer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
}

interface PolicyRule {
  to?: PolicyPeer[];
  from?: PolicyPeer[];
  ports?: { port?: number | string }[];
}

interface PolicySpec {
  podSelector?: Selector;
  policyTypes?: string[];
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
}

/** Kubernetes label selector semantics; an empty selector selects every pod. */
function matches(selector: Selector | undefined, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector?.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const byExpression = (selector?.matchExpressions ?? []).every((expression) => {
    const value = labels[expression.key];
    switch (expression.operator) {
      case 'In':
        return value !== undefined && (expression.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(expression.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
  return byLabel && byExpression;
}

/** A rule admits the peer pod (same namespace) on the port (its number or the name `http`). */
function admits(
  rule: PolicyRule,
  peers: PolicyPeer[] | undefined,
  labels: Record<string, string>,
  port: number,
): boolean {
  const peerOk =
    peers === undefined ||
    peers.length === 0 ||
    peers.some(
      (peer) =>
        peer.namespaceSelector === undefined &&
        peer.podSelector !== undefined &&
        matches(peer.podSelector, labels),
    );
  const portOk =
    !rule.ports?.length ||
    rule.ports.some(
      (entry) => entry.port === undefined || entry.port === port || entry.port === 'http',
    );
  return peerOk && portOk;
}

function allowed(
  policies: PolicySpec[],
  direction: 'Ingress' | 'Egress',
  self: Record<string, string>,
  peer: Record<string, string>,
  port: number,
): boolean {
  const applying = policies.filter(
    (policy) => policy.policyTypes?.includes(direction) && matches(policy.podSelector, self),
  );
  // No policy of that direction selects the pod: Kubernetes lets everything through.
  if (applying.length === 0) return true;
  return applying.some((policy) =>
    (direction === 'Ingress' ? policy.ingress : policy.egress)?.some((rule) =>
      admits(rule, direction === 'Ingress' ? rule.from : rule.to, peer, port),
    ),
  );
}

export function serviceCallProblems(objects: K8sObject[], services: DeployableService[]): string[] {
  const policies = objects
    .filter((object) => object.kind === 'NetworkPolicy')
    .map((object) => (object.spec ?? {}) as PolicySpec);
  const podLabels = new Map<string, Record<string, string>>();
  for (const object of objects) {
    const template = podTemplate(object);
    if (object.kind === 'Deployment' && template) {
      podLabels.set(object.metadata.name, template.metadata?.labels ?? {});
    }
  }
  const names = new Set(services.map((service) => service.name));
  const problems: string[] = [];
  for (const object of objects) {
    const template = podTemplate(object);
    if (object.kind !== 'Deployment' || !template) continue;
    const caller = template.metadata?.labels ?? {};
    for (const container of template.spec.containers) {
      for (const env of container.env ?? []) {
        const call = /^https?:\/\/([a-z0-9-]+)(?::(\d+))?(?:\/|$)/.exec(env.value ?? '');
        const target = call?.[1];
        if (!call || !target || !names.has(target)) continue;
        const callee = podLabels.get(target);
        const port = Number(call[2] ?? 80);
        if (!callee) {
          problems.push(
            `${objectId(object)}: ${env.name} calls ${target}, which no Deployment runs`,
          );
          continue;
        }
        if (!allowed(policies, 'Egress', caller, callee, port)) {
          problems.push(
            `${objectId(object)}: ${env.name} calls ${target}:${port}, but no NetworkPolicy lets ${object.metadata.name} egress to it`,
          );
        }
        if (!allowed(policies, 'Ingress', callee, caller, port)) {
          problems.push(
            `${objectId(object)}: ${env.name} calls ${target}:${port}, but no NetworkPolicy lets ${target} accept ${object.metadata.name}`,
          );
        }
      }
    }
  }
  return problems;
}
