// The errors by which domain and application code refuse a request, with the contract's codes.
export * from './domain-error';
