// Events the candidates context publishes; other contexts import these, never its domain.
export * from './candidate-changed.event';
