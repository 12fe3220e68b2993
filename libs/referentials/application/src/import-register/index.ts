export * from './rncp-export-source';
export * from './import-register.service';
