// Referentials adapters: TypeORM persistence (rows, repository, migrations) and the GraphQL
// subgraph (types, inputs, resolvers, batched references).
export * from './persistence/certification.row';
export * from './persistence/component.row';
export * from './persistence/typeorm-certification.repository';
export { toCertificationRow, toComponentRows } from './persistence/certification.mapper';
export * from './persistence/referentials-unit-of-work';
export * from './persistence/referentials-migrations';
export * from './graphql/certification.types';
export * from './graphql/certification.resolver';
export * from './graphql/correspondence.resolver';
export * from './graphql/reference-resolvers';
export * from './graphql/referentials-context';
export * from './events/outbox-certification-events';
export * from './rncp-export/staged-rncp-export';
