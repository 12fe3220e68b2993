// The gateway: verifies tokens, limits requests, plans queries over the supergraph, and forwards
// the identity to subgraphs; plus in-process supergraph composition.
export * from './compose-supergraph';
export * from './gateway-context';
export * from './gateway-service';
export * from './gateway-config';
export * from './document-limits';
