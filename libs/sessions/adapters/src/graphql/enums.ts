import { registerEnumType } from 'type-graphql';
import {
  DECISION_OUTCOMES,
  JUROR_ROLES,
  SESSION_SCOPES,
  SESSION_STATUSES,
} from '@certif/sessions-domain';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const SessionScopeEnum = enumOf(SESSION_SCOPES);
export const SessionStatusEnum = enumOf(SESSION_STATUSES);
export const JurorRoleEnum = enumOf(JUROR_ROLES);
export const DecisionOutcomeEnum = enumOf(DECISION_OUTCOMES);

registerEnumType(SessionScopeEnum, {
  name: 'SessionScope',
  description: 'The whole title, given components (CCP or blocs), or a CCS.',
});
registerEnumType(SessionStatusEnum, { name: 'SessionStatus' });
registerEnumType(JurorRoleEnum, {
  name: 'JurorRole',
  description: "R8/R9: a juror's role, checked against the certification's jury rule.",
});
registerEnumType(DecisionOutcomeEnum, { name: 'DecisionOutcome' });
