import { ApolloGateway } from '@apollo/gateway';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationsOf, warmQueryPlans } from './query-plan-warm-up';

const supergraphSdl = readFileSync(
  join(__dirname, '../../../../apps/gateway/supergraph.graphql'),
  'utf8',
);
const documents = [
  readFileSync(join(__dirname, '../../../../libs/client/src/operations.graphql'), 'utf8'),
];

describe('query plan warm-up', () => {
  it("plans every contract operation into the gateway's own cache, under the key it looks up", async () => {
    const gateway = new ApolloGateway({ supergraphSdl });
    await gateway.load();
    try {
      const operations = operationsOf(documents);
      expect(operations.map((o) => o.name)).toContain('CandidateRecord');
      expect(await warmQueryPlans(gateway, operations)).toBe(operations.length);
      // The gateway finds a plan where a request for CandidateRecord will look for it.
      const { createHash } = await import('node:crypto');
      const record = operations.find((o) => o.name === 'CandidateRecord');
      const queryHash = createHash('sha256')
        .update(record?.query ?? '')
        .digest('hex');
      const key = createHash('sha256').update(queryHash).update('CandidateRecord').digest('hex');
      const store = (gateway as unknown as { queryPlanStore: { get(k: string): Promise<unknown> } })
        .queryPlanStore;
      await expect(store.get(key)).resolves.toEqual(expect.objectContaining({ kind: 'QueryPlan' }));
    } finally {
      await gateway.stop();
    }
  });
});
