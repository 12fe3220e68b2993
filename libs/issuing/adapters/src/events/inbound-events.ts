import type { EntityManager } from 'typeorm';
import type {
  EventBatch,
  EventHandler,
  EventPayload,
  ServiceEvents,
} from '@certif/platform-events';
import type {
  CertificationVersion,
  ComponentAcquisition,
  TitleDecision,
} from '@certif/issuing-domain';
import type {
  CandidateIdentity,
  CorrectedDecision,
  RecordCandidateStateService,
  RecordCcpAcquired,
  RecordCcpAcquiredService,
  RecordCertificationStateService,
  RecordDecisionCorrected,
  RecordDecisionCorrectedService,
  RecordTitleAwarded,
  RecordTitleAwardedService,
} from '@certif/issuing-application';
import { candidateChanged } from '@certif/candidates-contracts';
import {
  certificationChanged,
  certificationIdentity,
  certifierWithCpfIdentifiers,
  versionLinks,
} from '@certif/referentials-contracts';
import { ccpAcquired, decisionCorrected, titleAwarded } from '@certif/sessions-contracts';

/** The contracts' payloads, read into the issuing domain's facts and the use cases' commands. */
export function toRecordCcpAcquired(p: EventPayload<typeof ccpAcquired>): RecordCcpAcquired {
  return { candidateId: p.candidateId, acquisition: toAcquisition(p) };
}

export function toRecordTitleAwarded(p: EventPayload<typeof titleAwarded>): RecordTitleAwarded {
  return { candidateId: p.candidateId, decision: toTitleDecision(p) };
}

export function toRecordDecisionCorrected(
  p: EventPayload<typeof decisionCorrected>,
): RecordDecisionCorrected {
  return { candidateId: p.candidateId, corrected: toCorrectedDecision(p) };
}

export function toAcquisition(p: EventPayload<typeof ccpAcquired>): ComponentAcquisition {
  return {
    decisionId: p.decisionId,
    componentId: p.componentId,
    certificationId: p.certificationId,
    sessionId: p.sessionId,
    acquiredOn: p.decidedOn,
  };
}

export function toTitleDecision(p: EventPayload<typeof titleAwarded>): TitleDecision {
  return {
    decisionId: p.decisionId,
    certificationId: p.certificationId,
    sessionId: p.sessionId,
    decidedOn: p.decidedOn,
    outcome: p.outcome,
    finalInterviewPassed: p.finalInterviewPassed,
    scope: p.scope,
    specializationId: p.specializationId,
  };
}

/**
 * The correction, and the new decision's facts as its ccp-acquired / title-awarded would have
 * carried them: sessions publishes only this event for a correction.
 */
export function toCorrectedDecision(p: EventPayload<typeof decisionCorrected>): CorrectedDecision {
  const awardsTitleStep =
    p.outcome === 'TITLE_AWARDED' || (p.outcome === 'COMPONENTS_AWARDED' && p.finalInterviewPassed);
  return {
    correction: {
      decisionId: p.decisionId,
      supersededDecisionId: p.supersededDecisionId,
      certificationId: p.certificationId,
      decidedOn: p.decidedOn,
      correctedOn: p.correctedOn,
      reason: p.reason,
    },
    acquisitions: p.awardedComponents.map((c) => ({
      decisionId: p.decisionId,
      componentId: c.componentId,
      certificationId: p.certificationId,
      sessionId: p.sessionId,
      acquiredOn: p.decidedOn,
    })),
    decision: awardsTitleStep
      ? {
          decisionId: p.decisionId,
          certificationId: p.certificationId,
          sessionId: p.sessionId,
          decidedOn: p.decidedOn,
          outcome: p.outcome === 'TITLE_AWARDED' ? 'TITLE_AWARDED' : 'COMPONENTS_AWARDED',
          finalInterviewPassed: p.finalInterviewPassed,
          scope: p.scope,
          specializationId: p.specializationId,
        }
      : null,
  };
}

export function toCertificationVersion(
  p: EventPayload<typeof certificationChanged>,
): CertificationVersion {
  const c = p.certification;
  return {
    ...certificationIdentity(c),
    certifier: certifierWithCpfIdentifiers(c.certifier),
    registeredFrom: c.registeredFrom,
    registeredUntil: c.registeredUntil,
    capitalizationRule: c.capitalizationRule,
    requiresFinalInterview: c.requiresFinalInterview,
    components: c.components.map(({ id, code, title, position }) => ({
      id,
      code,
      title,
      position,
    })),
    ...versionLinks(c),
  };
}

export function toCandidateIdentity(p: EventPayload<typeof candidateChanged>): CandidateIdentity {
  return {
    id: p.candidate.id,
    firstName: p.candidate.firstName,
    lastName: p.candidate.lastName,
    // R13: erasure removes identity; a birth date never outlives it.
    birthDate: p.candidate.erasedAt ? null : p.candidate.birthDate,
    erasedAt: p.candidate.erasedAt,
    version: p.version,
    register: {
      birthDate: p.candidate.birthDate,
      sex: p.candidate.sex ?? null,
      birthName: p.candidate.birthName ?? null,
      birthPlace: p.candidate.birthPlace ?? null,
      enrollments: p.enrollments.map((e) => ({
        certificationId: e.certificationId,
        pathway: e.pathway,
      })),
    },
  };
}

/** The use cases the five topics feed. */
export interface IssuingConsumers {
  recordCcpAcquired: Pick<RecordCcpAcquiredService, 'execute'>;
  recordTitleAwarded: Pick<RecordTitleAwardedService, 'execute'>;
  recordDecisionCorrected: Pick<RecordDecisionCorrectedService, 'execute'>;
  recordCertificationState: Pick<RecordCertificationStateService, 'execute'>;
  recordCandidateState: Pick<RecordCandidateStateService, 'execute'>;
}

/** Where a use case joins the consumer's transaction (TypeOrmIssuingUnitOfWork.joining). */
export interface JoinsTransaction {
  /** With the consumer's `batch`, the batch's events share one set of stores (ADR 0019). */
  joining<T>(manager: EntityManager, work: () => Promise<T>, batch?: EventBatch): Promise<T>;
  /**
   * Locks the facts of every candidate of the batch, in one order, once per batch: two batches
   * never wait for each other's candidates in opposite orders.
   */
  lockBatchCandidates(manager: EntityManager, batch: EventBatch): Promise<void>;
}

/** One topic's handler: the payload read into a command, the use case run in the event's transaction. */
function handle<T, C>(
  unitOfWork: JoinsTransaction,
  read: (payload: T) => C,
  useCase: { execute(command: C): Promise<void> },
  { lockCandidates = false } = {},
): EventHandler<T> {
  return async (event, manager, batch) => {
    if (lockCandidates) await unitOfWork.lockBatchCandidates(manager, batch);
    await unitOfWork.joining(manager, () => useCase.execute(read(event.data)), batch);
  };
}

/** A sessions fact: its batch's candidates locked first. */
const fact = { lockCandidates: true };

/**
 * The five topics issuing consumes. Each use case runs in the consumer's transaction (which also
 * records the event as handled), so a fact, the livrets recomputed from it and the events they
 * cause commit together or not at all. The transaction may hold a batch of one topic's events:
 * the facts of sessions' events lock all their candidates first, in one order, and each livret
 * is recomputed once at the end of the batch (`joining(manager, work, batch)`).
 */
export function subscribeIssuing(
  events: Pick<ServiceEvents, 'on'>,
  unitOfWork: JoinsTransaction,
  useCases: IssuingConsumers,
): void {
  // No gap locks: the candidates' row locks keep their facts apart, and a fact is stored before
  // its certification is read, so that a certification arriving at once sees it (ADR 0019).
  const facts = { isolation: 'READ COMMITTED' } as const;
  events
    .on(
      ccpAcquired,
      handle(unitOfWork, toRecordCcpAcquired, useCases.recordCcpAcquired, fact),
      facts,
    )
    .on(
      titleAwarded,
      handle(unitOfWork, toRecordTitleAwarded, useCases.recordTitleAwarded, fact),
      facts,
    )
    .on(
      decisionCorrected,
      handle(unitOfWork, toRecordDecisionCorrected, useCases.recordDecisionCorrected, fact),
      facts,
    )
    .on(
      certificationChanged,
      handle(unitOfWork, toCertificationVersion, useCases.recordCertificationState),
    )
    .on(candidateChanged, handle(unitOfWork, toCandidateIdentity, useCases.recordCandidateState));
}
