import { Supergraph } from '@apollo/federation-internals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { contractNextOperations, contractOperations } from '@certif/one-process/testing';
import { SUBGRAPHS } from '@certif/one-process';

/**
 * Every operation of ../shared/contract/operations.graphql must validate against the committed
 * supergraph's API schema, once the subgraphs that serve it exist. `notYetServed` lists the
 * operations of services still to be built; it may only shrink.
 */
const notYetServed: Record<string, string> = {};

describe('the contract operations', () => {
  const supergraph = readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8');
  const apiSchema = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
  const served = new Set(SUBGRAPHS.map((s) => s.name));

  it.each([...contractOperations().entries()])('%s', (name, operation) => {
    const document: DocumentNode = parse(operation);
    const errors = validate(apiSchema, document);
    const pendingService = notYetServed[name];
    if (pendingService && !served.has(pendingService)) {
      return; // validated once its service joins the supergraph (see below)
    }
    expect(errors.map((e) => e.message)).toEqual([]);
    expect((document.definitions[0] as OperationDefinitionNode).name?.value).toBe(name);
  });

  it('lists as not yet served only operations of services that are not in the supergraph', () => {
    const stale = Object.entries(notYetServed).filter(([, service]) => served.has(service));
    expect(stale).toEqual([]);
  });
});

/**
 * The next release's operations (../shared/contract/operations.next.graphql) validate too, except
 * those waiting for fields another change adds. `awaitingFields` may only shrink: an operation
 * listed there that validates must leave the list.
 */
const awaitingFields: Record<string, string> = {};

describe('the next release’s contract operations', () => {
  const supergraph = readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8');
  const apiSchema = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();

  it.each([...contractNextOperations().entries()])('%s', (name, operation) => {
    const document: DocumentNode = parse(operation);
    const errors = validate(apiSchema, document).map((e) => e.message);
    expect((document.definitions[0] as OperationDefinitionNode).name?.value).toBe(name);
    if (awaitingFields[name]) {
      // Still waiting: when it validates, remove it from awaitingFields.
      expect(errors).not.toEqual([]);
      return;
    }
    expect(errors).toEqual([]);
  });
});
