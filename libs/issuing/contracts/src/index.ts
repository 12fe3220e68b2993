// Events the issuing context publishes; other contexts import these, never its domain.
export * from './credential-changed.event';
