// Events the referentials context publishes; other contexts import these, never its domain.
export * from './certification-changed.event';
export * from './certification-state';
