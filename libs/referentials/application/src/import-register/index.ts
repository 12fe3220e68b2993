export * from './rncp-export-source';
export * from './import-rncp-export';
