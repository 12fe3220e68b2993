// Issuing adapters: TypeORM persistence (facts, read models, livrets, parchemins, migrations), the
// outbox and the consumers, the GraphQL subgraph, documents (PDF, verifiable credential, the
// verification page) and the HTTP routes that serve them.
export * from './persistence/known-certification.row';
export * from './persistence/known-candidate.row';
export * from './persistence/fact.rows';
export * from './persistence/livret.row';
export * from './persistence/credential.row';
export * from './persistence/issuing-unit-of-work';
export * from './persistence/counter-block-numbers';
export * from './persistence/issuing-migrations';
export * from './events/outbox-issuing-events';
export * from './events/inbound-events';
export * from './graphql/enums';
export * from './graphql/references.types';
export * from './graphql/issuing.types';
export * from './graphql/issuing-context';
export * from './graphql/candidate.resolver';
export * from './graphql/credential.resolver';
export * from './graphql/reference-resolvers';
export * from './documents/signing-key';
export * from './documents/open-badge-credential';
export * from './documents/pdfkit-document-renderer';
export * from './documents/verification-page';
export * from './http/issuing-routes';
export * from './documents/verification-code';
export * from './persistence/cpf-deposit.rows';
export * from './persistence/typeorm-cpf-deposit.store';
export * from './cpf/cpf-flux-writer';
export * from './cpf/processing-report';
export * from './graphql/cpf-deposits.resolver';
