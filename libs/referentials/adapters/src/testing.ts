// Test support of referentials-adapters (tests and the bench only): RNCP test exports.
export * from './rncp-export/rncp-export.fixtures';
