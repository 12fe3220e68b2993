// Candidates adapters: TypeORM persistence (rows, repositories, read model, migrations), the
// outbox publisher and the referentials consumer, and the GraphQL subgraph (types, inputs,
// resolvers, batched references).
export * from './persistence/candidate.row';
export * from './persistence/enrollment.row';
export * from './persistence/known-certification.row';
export * from './persistence/candidate-center.row';
export * from './persistence/typeorm-candidate-centers';
export * from './persistence/typeorm-candidate.repository';
export * from './persistence/typeorm-known-certification.store';
export * from './persistence/candidates-unit-of-work';
export * from './persistence/candidates-migrations';
export * from './events/outbox-candidate-events';
export * from './events/certification-changed.handler';
export * from './events/candidate-registered.handler';
export * from './events/read-model-consumers';
export * from './graphql/candidate.types';
export * from './graphql/candidate.resolver';
export * from './graphql/candidate-fields.resolver';
export * from './graphql/enrollment.resolver';
export * from './graphql/personal-data.resolver';
export * from './graphql/reference-resolvers';
export * from './graphql/candidates-context';
export * from './graphql/candidates-use-cases';
export * from './graphql/personal-data.guard';
export * from './personal-data/remote-personal-data';
