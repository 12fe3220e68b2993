import { Conflict, Forbidden, NotFound } from '@certif/platform-errors';
import {
  currentDecision,
  decisionHistory,
  managesCenter,
  mayReadSession,
  type Caller,
  type CertificationView,
  type ExamSession,
  type Juror,
  type JuryDecision,
  type Registration,
} from '@certif/sessions-domain';
import type { SessionsStore } from '../ports';

export interface ProcesVerbalLine {
  registration: Registration;
  /** "First Last" as last published by candidates (the pseudonym once erased); null when unknown. */
  candidateName: string | null;
  /** The decision standing (the latest correction, if any). */
  decision: JuryDecision;
  awardedComponentCodes: string[];
  /** R9: the decisions it superseded, oldest first, each with the correction's day and reason. */
  superseded: {
    decision: JuryDecision;
    awardedComponentCodes: string[];
    correctedOn: string;
    reason: string;
  }[];
}

/** The record of a deliberation (R9), for the PDF. */
export interface ProcesVerbal {
  session: ExamSession;
  certification: CertificationView;
  specialization: { code: string; title: string } | null;
  jurors: Juror[];
  lines: ProcesVerbalLine[];
}

/** The read side: one session for a caller allowed to see it, and batched reads for DataLoaders. */
export class SessionQueries {
  constructor(private readonly store: SessionsStore) {}

  /** Null when unknown; FORBIDDEN unless a session manager, an admin or a juror of the session. */
  async get(caller: Caller, id: string): Promise<ExamSession | null> {
    const [session] = await this.store.sessions.findByIds([id]);
    if (!session) return null;
    await this.assertMayRead(caller, session);
    return session;
  }

  async assertMayRead(caller: Caller, session: ExamSession): Promise<void> {
    const jurors = await this.store.jurors.findBySessions([session.id]);
    if (!mayReadSession(caller, jurors, session.center)) {
      throw new Forbidden(
        `Only the jurors of this session, session managers of ${session.center} and admins may read it`,
      );
    }
  }

  /**
   * Staffing and registering (addJuror, registerToSession) need a manager of the session's
   * centre. NotFound for an unknown session, as the use case would answer.
   */
  async assertManages(caller: Caller, sessionId: string): Promise<void> {
    const [session] = await this.store.sessions.findByIds([sessionId]);
    if (!session) throw new NotFound('session', sessionId);
    assertManagesCenter(caller, session.center);
  }

  sessionsByIds(ids: readonly string[]): Promise<ExamSession[]> {
    return this.store.sessions.findByIds(ids);
  }

  jurorsBySessions(sessionIds: readonly string[]): Promise<Juror[]> {
    return this.store.jurors.findBySessions(sessionIds);
  }

  registrationsBySessions(sessionIds: readonly string[]): Promise<Registration[]> {
    return this.store.registrations.findBySessions(sessionIds);
  }

  registrationsByIds(ids: readonly string[]): Promise<Registration[]> {
    return this.store.registrations.findByIds(ids);
  }

  decisionsByRegistrations(registrationIds: readonly string[]): Promise<JuryDecision[]> {
    return this.store.decisions.findByRegistrations(registrationIds);
  }

  /**
   * NotFound, Forbidden, or a Conflict before the jury has decided: the procès-verbal exists
   * once the session has deliberated (the document route answers 409).
   */
  async procesVerbal(caller: Caller, id: string): Promise<ProcesVerbal> {
    const [session] = await this.store.sessions.findByIds([id]);
    if (!session) throw new NotFound('session', id);
    const jurors = await this.store.jurors.findBySessions([session.id]);
    if (!mayReadSession(caller, jurors, session.center)) {
      throw new Forbidden(
        `Only the jurors of this session, session managers of ${session.center} and admins may read its procès-verbal`,
      );
    }
    if (session.status === 'PLANNED') {
      throw new Conflict(
        `session ${session.id} has not deliberated yet: its procès-verbal exists once the jury has decided`,
        'id',
        'session-status',
      );
    }
    const [certification] = await this.store.readModels.certificationsByIds([
      session.certificationId,
    ]);
    if (!certification)
      throw new Error(`certification ${session.certificationId} is not in the read model`);
    const registrations = await this.store.registrations.findBySessions([session.id]);
    const [decisions, candidates] = await Promise.all([
      this.store.decisions.findByRegistrations(registrations.map((r) => r.id)),
      this.store.readModels.candidatesByIds([...new Set(registrations.map((r) => r.candidateId))]),
    ]);
    const historyOf = new Map<string, JuryDecision[]>();
    for (const d of decisions)
      historyOf.set(d.registrationId, [...(historyOf.get(d.registrationId) ?? []), d]);
    const nameOf = new Map(candidates.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));
    const codeOf = new Map(certification.components.map((c) => [c.id, c.code]));
    const lines = registrations.flatMap((registration) => {
      const history = decisionHistory(historyOf.get(registration.id) ?? []);
      const decision = currentDecision(history);
      if (!decision) return [];
      const byId = new Map(history.map((d) => [d.id, d]));
      const superseded = history.flatMap((d) => {
        const successor = d.supersededById ? byId.get(d.supersededById) : undefined;
        if (!successor) return [];
        return [
          {
            decision: d,
            awardedComponentCodes: d.awardedComponentIds.map((id) => codeOf.get(id) ?? id),
            correctedOn: successor.correctedOn ?? '',
            reason: successor.correctionReason ?? '',
          },
        ];
      });
      return [
        {
          registration,
          candidateName: nameOf.get(registration.candidateId) ?? null,
          decision,
          awardedComponentCodes: decision.awardedComponentIds.map((id) => codeOf.get(id) ?? id),
          superseded,
        },
      ];
    });
    const specialization =
      certification.specializations.find((s) => s.id === session.specializationId) ?? null;
    return {
      session,
      certification,
      specialization: specialization && { code: specialization.code, title: specialization.title },
      jurors,
      lines: lines.sort(
        (a, b) =>
          (a.candidateName ?? '').localeCompare(b.candidateName ?? '') ||
          a.registration.id.localeCompare(b.registration.id),
      ),
    };
  }
}

/** planSession and the other managers' acts: FORBIDDEN outside the caller's `centers`. */
export function assertManagesCenter(caller: Caller, center: string): void {
  if (!managesCenter(caller, center)) {
    throw new Forbidden(
      `Your token manages the centres ${(caller.centers ?? []).join(', ') || '(none)'}, not ${center}`,
    );
  }
}
