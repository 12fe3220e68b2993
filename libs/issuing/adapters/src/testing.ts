// Test support for issuing: reading back the PDFs it writes (their text, their QR codes).
export * from './documents/pdf-text';
export * from './documents/pdf-read-back';
export * from './cpf/testing/cpf-schema-validation';
// Specs of batches count the livret recomputations by the livret each one reads.
export { TypeOrmLivretRepository } from './persistence/typeorm-livret.repository';
