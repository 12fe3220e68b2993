// Referentials use cases and the ports their adapters implement.
export * from './ports';
export * from './certification-catalog';
export * from './seed-loader';
export * from './import-register';
