import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { parse } from 'graphql';
import { contractOperations } from '@certif/one-process/testing';

/** Fetch nodes of a plan: the subgraph calls one execution makes. */
function fetchesOf(node: PlanNode | QueryPlan['node'] | undefined): { serviceName: string }[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [node];
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetchesOf);
    case 'Flatten':
      return fetchesOf(node.node);
    case 'Condition':
      return [...fetchesOf(node.ifClause), ...fetchesOf(node.elseClause)];
    default:
      throw new Error(`a plan node of kind ${node.kind} is not counted here`);
  }
}

function planOf(operationName: string): QueryPlan {
  const supergraph = Supergraph.build(
    readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8'),
  );
  const query = contractOperations().get(operationName);
  if (!query) throw new Error(`the contract has no ${operationName} operation`);
  const operation = operationFromDocument(supergraph.apiSchema(), parse(query), {
    operationName,
  });
  return new QueryPlanner(supergraph).buildQueryPlan(operation);
}

describe("the committed supergraph's query plans", () => {
  it("plan the contract's CandidateRecord in at most 3 subgraph fetches", () => {
    // Issuing serves its livrets' and parchemins' certification codes and titles and component
    // codes (@shareable with referentials): candidates, then issuing and referentials (the
    // enrolments' certifications) side by side. It was 7 fetches, 4 of them to referentials.
    const fetches = fetchesOf(planOf('CandidateRecord').node);
    expect(fetches.map((f) => f.serviceName).sort()).toEqual([
      'candidates',
      'issuing',
      'referentials',
    ]);
  });
});
