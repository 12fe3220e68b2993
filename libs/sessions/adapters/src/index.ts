// Sessions adapters: TypeORM persistence (rows, repositories, read models, migrations), the
// outbox and read-model consumers, the GraphQL subgraph, and the procès-verbal PDF.
export * from './persistence/exam-session.row';
export * from './persistence/juror.row';
export * from './persistence/registration.row';
export * from './persistence/jury-decision.row';
export * from './persistence/read-model.rows';
export * from './persistence/typeorm-session.repository';
export * from './persistence/typeorm-juror.repository';
export * from './persistence/typeorm-registration.repository';
export * from './persistence/typeorm-decision.repository';
export * from './persistence/typeorm-read-model.repository';
export * from './persistence/sessions-unit-of-work';
export * from './persistence/sessions-tables';
export * from './events/outbox-deliberation-events';
export * from './events/read-model-consumers';
export * from './graphql/enums';
export * from './graphql/references.types';
export * from './graphql/session.types';
export * from './graphql/session.resolver';
export * from './graphql/exam-session-fields.resolver';
export * from './graphql/registration-fields.resolver';
export * from './graphql/reference-resolvers';
export * from './graphql/sessions-context';
export * from './graphql/sessions-use-cases';
export * from './documents/proces-verbal.pdf';
export * from './http/proces-verbal.route';
