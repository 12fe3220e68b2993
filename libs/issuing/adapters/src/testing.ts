// Test support for issuing: reading the text of the PDFs it writes.
export * from './documents/pdf-text';
export * from './cpf/cpf-schema-validation';
