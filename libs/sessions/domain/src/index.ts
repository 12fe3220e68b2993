// Sessions domain: exam sessions, juries, registrations and deliberations, and the rules that
// govern them (scope, eligibility R5/R6/R7/R12, jury R9, outcomes R1/R3). No framework.
export * from './session-vocabulary';
export * from './read-models';
export * from './exam-session';
export * from './plan-session';
export * from './jury';
export * from './session-access';
export * from './eligibility';
export * from './deliberation';
export * from './jury-rule';
export * from './correction';
