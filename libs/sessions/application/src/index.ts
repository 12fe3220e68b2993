// Sessions use cases (one folder each) and the ports their adapters implement.
export * from './ports';
export * from './lineage';
export * from './plan-session/plan-session.service';
export * from './add-juror/add-juror.service';
export * from './register-to-session/register-to-session.service';
export * from './record-deliberation/record-deliberation.service';
export * from './record-deliberation/deliberation-events';
export * from './correct-decision/correct-decision.service';
export * from './read-session/session-queries';
export * from './record-certification-state/record-certification-state.service';
export * from './record-candidate-state/record-candidate-state.service';
export * from './record-parchemin-state/record-parchemin-state.service';
