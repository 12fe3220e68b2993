// Who is calling: JWT verification at the gateway (jose), the identity forwarded to subgraphs in a
// signed internal token, roles of the contract, and development tokens.
export * from './principal';
export * from './jwt-verifier';
export * from './internal-token';
export * from './dev-token';
export * from './secrets';
