// The gateway: verifies tokens, limits requests, plans queries over the supergraph, and forwards
// the identity to subgraphs. Composition (`@certif/gateway-server/composition`) is a build and
// development tool: production serves the committed supergraph, without @apollo/composition.
export * from './gateway-context';
export * from './gateway-service';
export * from './gateway-config';
export * from './document-limits';
