import {
  computeLivret,
  countingFacts,
  currentVersion,
  formatParcheminNumber,
  newParchemin,
  parcheminContent,
  parcheminNumberPrefix,
  specializationsAwarded,
  standingParchemin,
  type DecisionCorrection,
  type Lineage,
  type LivretView,
  type Parchemin,
  type ParcheminContent,
} from '@certif/issuing-domain';
import type { LocalDate } from '@certif/platform-calendar';
import type { IssuingDependencies, IssuingTransaction, StoredLivret } from './ports';

/** What a refresh needs beside the transaction: the clock and the makers of ids and codes. */
export type RefreshDependencies = Pick<
  IssuingDependencies,
  'clock' | 'newId' | 'newVerificationCode'
>;

/**
 * Recomputes a candidate's livret for one lineage from every fact stored, inside the caller's
 * transaction, and acts on it: issues the parchemin when due and none exists, issues the CCS
 * parchemins awarded to a holder of a valid parchemin (R7), and publishes the livret's status when
 * it changed; after a correction (R9), revokes what is no longer earned. Recomputing from all facts
 * is what makes the outcome independent of the order in which events arrive; the unique
 * (candidate, lineage, CCS) key among VALID parchemins is what makes it at most one.
 *
 * `correction`: the correction this refresh follows, if any. Only a correction takes a
 * parchemin back (R9): a revision, a closure or the passing of time never does (finality).
 */
export async function refreshLivret(
  deps: RefreshDependencies,
  tx: IssuingTransaction,
  candidateId: string,
  lineage: Lineage,
  correction?: DecisionCorrection,
): Promise<LivretView> {
  const today = deps.clock.today();
  const facts = await tx.facts.ofCandidates([candidateId]);
  let parchemins = (await tx.parchemins.findByCandidates([candidateId])).filter(
    (c) => c.lineageRootId === lineage.rootId,
  );
  const stored = await tx.livrets.findOne(candidateId, lineage.rootId);
  const compute = (parcheminIssued: boolean) =>
    computeLivret({
      lineage,
      acquisitions: facts.acquisitions,
      decisions: facts.decisions,
      corrections: facts.corrections,
      today,
      parcheminIssued,
    });
  const replace = (revoked: Parchemin) => {
    parchemins = parchemins.map((c) => (c.id === revoked.id ? revoked : c));
  };

  let title = standingParchemin(parchemins, lineage.rootId);
  let view = compute(title !== undefined);
  let titleWithdrawn = false;
  // R9: the correction withdrew the title, or changed the decision that completed it.
  if (
    correction &&
    title?.status === 'VALID' &&
    (!view.earned ||
      view.obtainedOn !== title.obtainedOn ||
      view.certificationId !== title.certificationId)
  ) {
    replace(await withdraw(deps, tx, title, correction));
    titleWithdrawn = true;
    title = standingParchemin(parchemins, lineage.rootId);
    view = compute(title !== undefined);
  }

  if (view.parcheminDue) {
    const version = lineage.versions.find((v) => v.id === view.certificationId);
    title = await issue(
      deps,
      tx,
      candidateId,
      lineage.rootId,
      parcheminContent(version ?? currentVersion(lineage), view.acquiredComponents),
      view.obtainedOn as LocalDate,
    );
    view = { ...view, status: 'COMPLETE', parcheminDue: false };
  }

  const awards = specializationsAwarded(lineage, countingFacts(facts, facts.corrections).decisions);
  if (correction) {
    for (const ccs of parchemins.filter(
      (c) => c.specializationKey !== '' && c.status === 'VALID',
    )) {
      const award = awards.find((a) => a.specialization.code === ccs.specializationKey);
      // R7: a CCS is held by a holder of the title; it follows a title the correction withdrew.
      if (titleWithdrawn || !award || award.decision.decidedOn !== ccs.obtainedOn)
        replace(await withdraw(deps, tx, ccs, correction));
    }
  }
  if (title?.status === 'VALID') {
    for (const award of awards) {
      if (standingParchemin(parchemins, lineage.rootId, award.specialization.code)) continue;
      await issue(
        deps,
        tx,
        candidateId,
        lineage.rootId,
        parcheminContent(award.certification, [], award.specialization),
        award.decision.decidedOn,
      );
    }
  }
  await record(deps, tx, candidateId, lineage.rootId, view, stored);
  return view;
}

/**
 * Recomputes the candidate's livret of `certificationId`'s lineage after a fact: at once, or, when
 * the transaction handles a batch of events, once per candidate and certification at the end of
 * the batch (a correction's own refresh once per correction; ADR 0019). The certification is read
 * after the fact is stored, either way: a certification handled at the same moment then sees the
 * fact, or the fact's refresh sees the certification.
 */
export async function refreshLivretAfterFact(
  deps: RefreshDependencies,
  tx: IssuingTransaction,
  candidateId: string,
  certificationId: string,
  correction?: DecisionCorrection,
): Promise<void> {
  const refresh = async () => {
    const lineage = await tx.certifications.lineageOf(certificationId);
    if (lineage) await refreshLivret(deps, tx, candidateId, lineage, correction);
  };
  if (!tx.deferUntilBatchEnd) return refresh();
  tx.deferUntilBatchEnd(
    correction ? `correction ${correction.decisionId}` : `livret ${candidateId} ${certificationId}`,
    refresh,
  );
}

/** Revoked with the correction's reason; the record stays, and REVOKED is published. */
async function withdraw(
  deps: RefreshDependencies,
  tx: IssuingTransaction,
  parchemin: Parchemin,
  correction: DecisionCorrection,
): Promise<Parchemin> {
  const revoked: Parchemin = {
    ...parchemin,
    status: 'REVOKED',
    revokedAt: deps.clock.now(),
    revokedBy: null,
    revocationReason: correction.reason,
    revokingDecisionId: correction.decisionId,
  };
  if (await tx.parchemins.revoke(revoked)) await tx.events.revoked(revoked);
  return revoked;
}

async function record(
  deps: RefreshDependencies,
  tx: IssuingTransaction,
  candidateId: string,
  lineageRootId: string,
  view: LivretView,
  stored: StoredLivret | null,
) {
  const next: StoredLivret = {
    id: stored?.id ?? deps.newId(),
    candidateId,
    lineageRootId,
    certificationId: view.certificationId,
    status: view.status,
    capitalizationDeadline: view.capitalizationDeadline,
    lapsesAfter: view.lapsesAfter,
    version: (stored?.version ?? 0) + 1,
  };
  if (!stored) {
    await tx.livrets.insert(next);
    await tx.events.livretStatusChanged(next);
    return;
  }
  const unchanged =
    stored.status === next.status &&
    stored.certificationId === next.certificationId &&
    stored.capitalizationDeadline === next.capitalizationDeadline &&
    stored.lapsesAfter === next.lapsesAfter;
  if (unchanged) return;
  await tx.livrets.update(next);
  if (stored.status !== next.status) await tx.events.livretStatusChanged(next);
}

async function issue(
  deps: RefreshDependencies,
  tx: IssuingTransaction,
  candidateId: string,
  lineageRootId: string,
  content: ParcheminContent,
  obtainedOn: LocalDate,
): Promise<Parchemin> {
  const issuedOn = deps.clock.today();
  const prefix = parcheminNumberPrefix(content, obtainedOn);
  const parchemin = newParchemin({
    id: deps.newId(),
    number: formatParcheminNumber(prefix, await tx.parchemins.nextSequence(prefix)),
    candidateId,
    lineageRootId,
    verificationCode: deps.newVerificationCode(),
    issuedOn,
    obtainedOn,
    issuedAt: deps.clock.now(),
    content,
  });
  await tx.parchemins.insert(parchemin);
  await tx.events.issued(parchemin);
  return parchemin;
}
