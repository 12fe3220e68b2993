import {
  type AddJurorService,
  type CorrectDecisionService,
  type PlanSessionService,
  type RecordDeliberationService,
  type RegisterToSessionService,
  type SessionQueries,
} from '@certif/sessions-application';

/** The use cases the resolvers call, one `execute` each; wired by the composition root. */
export interface SessionUseCases {
  plan: PlanSessionService;
  addJuror: AddJurorService;
  register: RegisterToSessionService;
  deliberate: RecordDeliberationService;
  correct: CorrectDecisionService;
  queries: SessionQueries;
}
