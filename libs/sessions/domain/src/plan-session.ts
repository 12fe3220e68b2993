import {
  addYears,
  isAfter,
  isBefore,
  isLocalDate,
  type LocalDate,
} from '@certif/platform-calendar';
import { InputProblems, InvalidInput } from '@certif/platform-errors';
import type { SessionPlan } from './exam-session';
import type { CertificationView } from './read-models';
import { SESSION_SCOPES } from './session-vocabulary';

/** A manager's request: the components, given or not, are checked against the scope. */
export interface SessionRequest extends Omit<SessionPlan, 'componentIds'> {
  componentIds: string[] | null;
}

/**
 * R5: the end of the grace year — `registeredUntil` + 1 year, that day included (null: no end).
 * The one date both sessions and issuing measure R5 on (ADR jury-r5-date): a session of the
 * certification must end by it, and a jury decision counts when its `decidedOn` is on or before
 * it.
 */
export function graceYearEnd(
  certification: Pick<CertificationView, 'registeredUntil'>,
): LocalDate | null {
  return certification.registeredUntil ? addYears(certification.registeredUntil, 1) : null;
}

function scopeComponents(
  request: SessionRequest,
  certification: CertificationView,
  problems: InputProblems,
): string[] {
  const given = request.componentIds ?? [];
  if (request.scope === 'FULL_TITLE') {
    problems.check(
      given.length === 0,
      'input.componentIds',
      'a FULL_TITLE session assesses every component of the title: leave componentIds empty, or plan a COMPONENTS session',
    );
    return certification.components.map((c) => c.id);
  }
  if (request.scope === 'SPECIALIZATION') {
    problems.check(
      given.length === 0,
      'input.componentIds',
      'a SPECIALIZATION session assesses a CCS, not components of the title: leave componentIds empty',
    );
    return [];
  }
  problems.check(
    given.length > 0,
    'input.componentIds',
    `a COMPONENTS session needs the components it assesses; ${certification.code} has ${certification.components
      .map((c) => `${c.code} (${c.id})`)
      .join(', ')}`,
  );
  const known = new Set(certification.components.map((c) => c.id));
  given.forEach((id, index) => {
    problems.check(
      known.has(id),
      `input.componentIds[${index}]`,
      `"${id}" is not a component of ${certification.code}`,
    );
    problems.check(
      given.indexOf(id) === index,
      `input.componentIds[${index}]`,
      `"${id}" is listed twice`,
    );
  });
  // In the referential's order, whatever the order given.
  return certification.components.filter((c) => given.includes(c.id)).map((c) => c.id);
}

function checkSpecialization(
  request: SessionRequest,
  certification: CertificationView,
  problems: InputProblems,
): string | null {
  const id = request.specializationId ?? null;
  if (request.scope !== 'SPECIALIZATION') {
    problems.check(
      id === null,
      'input.specializationId',
      'only a SPECIALIZATION session names a CCS',
    );
    return null;
  }
  if (id === null) {
    const offered = certification.specializations.map((s) => `${s.code} (${s.id})`).join(', ');
    problems.add(
      'input.specializationId',
      `a SPECIALIZATION session needs the CCS it assesses; ${certification.code} offers ${offered || 'none'}`,
    );
    return null;
  }
  problems.check(
    certification.specializations.some((s) => s.id === id),
    'input.specializationId',
    `"${id}" is not a CCS of ${certification.code}`,
  );
  return id;
}

/**
 * planSession: a published certification; the components follow from the scope; real dates in
 * order (the past is allowed: records taken over); a capacity of at least one. No session starts
 * before the certification's `registeredFrom` (R12); a closed certification still gets sessions
 * for R5's grace year, ending by its last day (graceYearEnd).
 */
export function planSession(
  request: SessionRequest,
  certification: CertificationView,
): SessionPlan {
  if (certification.status === 'DRAFT') {
    throw new InvalidInput(
      `${certification.code} is a DRAFT: publish it before planning sessions`,
      'input.certificationId',
    );
  }
  const problems = new InputProblems();
  problems.check(
    SESSION_SCOPES.includes(request.scope),
    'input.scope',
    `unknown scope ${request.scope}`,
  );
  const componentIds = scopeComponents(request, certification, problems);
  const specializationId = checkSpecialization(request, certification, problems);
  const center = request.center.trim();
  problems
    .check(center !== '', 'input.center', 'must name the exam centre')
    .check(
      center.length <= 200,
      'input.center',
      `must be at most 200 characters; got ${center.length}`,
    );
  problems.check(
    isLocalDate(request.startsOn),
    'input.startsOn',
    `"${request.startsOn}" is not a date YYYY-MM-DD`,
  );
  problems.check(
    isLocalDate(request.endsOn),
    'input.endsOn',
    `"${request.endsOn}" is not a date YYYY-MM-DD`,
  );
  if (isLocalDate(request.startsOn) && isLocalDate(request.endsOn)) {
    problems.check(
      !isAfter(request.startsOn, request.endsOn),
      'input.endsOn',
      `the session ends (${request.endsOn}) before it starts (${request.startsOn})`,
    );
  }
  if (request.capacity !== null) {
    problems.check(
      Number.isInteger(request.capacity) && request.capacity >= 1,
      'input.capacity',
      `must be at least 1 seat, or left empty for no limit; got ${request.capacity}`,
    );
  }
  problems.throwIfAny();
  const { registeredFrom } = certification;
  if (registeredFrom && isBefore(request.startsOn, registeredFrom)) {
    throw new InvalidInput(
      `${certification.code} is registered from ${registeredFrom} (R12): a session of it cannot start ` +
        `before, not on ${request.startsOn}`,
      'input.startsOn',
      'R12',
    );
  }
  const graceEnd = graceYearEnd(certification);
  if (graceEnd && isAfter(request.endsOn, graceEnd)) {
    throw new InvalidInput(
      `${certification.code}'s registration ends on ${certification.registeredUntil}: its sessions must end by ${graceEnd} ` +
        `(R5: one more year for candidates who hold a component), not on ${request.endsOn}`,
      'input.endsOn',
      'R5',
    );
  }
  return {
    certificationId: certification.id,
    scope: request.scope,
    componentIds,
    specializationId,
    center,
    startsOn: request.startsOn,
    endsOn: request.endsOn,
    capacity: request.capacity,
  };
}
