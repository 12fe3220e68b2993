// Events the sessions context publishes; other contexts import these, never its domain.
export * from './deliberation.events';
export * from './registration.events';
