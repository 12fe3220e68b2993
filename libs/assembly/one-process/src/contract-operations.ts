// The contract's operations (../shared/contract/*.graphql), by name, for the end-to-end specs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** The operations the front-ends send (../shared/contract/operations.graphql), by name. */
export function contractOperations(): Map<string, string> {
  return operationsOf(
    process.env['CONTRACT_OPERATIONS'] ??
      resolve(__dirname, '../../../../../shared/contract/operations.graphql'),
  );
}

/** The operations the next release adds (../shared/contract/operations.next.graphql), by name. */
export function contractNextOperations(): Map<string, string> {
  return operationsOf(
    process.env['CONTRACT_NEXT_OPERATIONS'] ??
      resolve(__dirname, '../../../../../shared/contract/operations.next.graphql'),
  );
}

/**
 * `op(name)`: the contract's operation of that name, this release's (and the next one's with
 * `next`); an unknown name fails the test that asks for it.
 */
export function contractOperationLookup(
  options: { next?: boolean } = {},
): (name: string) => string {
  const operations = new Map([
    ...contractOperations(),
    ...(options.next ? contractNextOperations() : []),
  ]);
  return (name) => {
    const operation = operations.get(name);
    if (!operation) throw new Error(`operation ${name} is not in the contract`);
    return operation;
  };
}

function operationsOf(path: string): Map<string, string> {
  const document: DocumentNode = parse(readFileSync(path, 'utf8'));
  const operations = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
      operations.set(definition.name.value, print(definition as OperationDefinitionNode));
    }
  }
  return operations;
}
