import type { SessionUseCases } from '@certif/sessions-adapters';
import {
  AddJurorService,
  CorrectDecisionService,
  PlanSessionService,
  RecordDeliberationService,
  RegisterToSessionService,
  SessionQueries,
  type SessionsDependencies,
} from '@certif/sessions-application';

/** Every use case of the sessions context on the same ports. */
export function sessionsUseCases(deps: SessionsDependencies): SessionUseCases {
  return {
    plan: new PlanSessionService(deps),
    addJuror: new AddJurorService(deps),
    register: new RegisterToSessionService(deps),
    deliberate: new RecordDeliberationService(deps),
    correct: new CorrectDecisionService(deps),
    queries: new SessionQueries(deps.unitOfWork.reader),
  };
}
