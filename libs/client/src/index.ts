// Typed documents for every contract operation the API serves (generated: npm run codegen).
export * from './generated/graphql';
