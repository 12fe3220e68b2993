export * from './referentials-import';
export * from './import-rncp-command';
