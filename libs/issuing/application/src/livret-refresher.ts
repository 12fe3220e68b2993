import {
  computeLivret,
  countingFacts,
  credentialNumberPrefix,
  currentVersion,
  formatCredentialNumber,
  parcheminContent,
  specializationsAwarded,
  type DecisionCorrection,
  type Lineage,
  type LivretView,
  type ParcheminContent,
} from '@certif/issuing-domain';
import type { LocalDate } from '@certif/platform-calendar';
import type {
  IssuingDependencies,
  IssuingTransaction,
  StoredCredential,
  StoredLivret,
} from './ports';
import { standingParchemin } from './standing-parchemin';

/**
 * Recomputes a candidate's livret for one lineage from every fact stored, inside the caller's
 * transaction, and acts on it: issues the parchemin when due and none exists, issues the CCS
 * parchemins awarded to a holder of a valid parchemin (R7), and publishes the livret's status when
 * it changed; after a correction (R9), revokes what is no longer earned. Recomputing from all facts
 * is what makes the outcome independent of the order in which events arrive; the unique
 * (candidate, lineage, CCS) key among VALID parchemins is what makes it at most one.
 */
export class LivretRefresher {
  constructor(private readonly deps: Omit<IssuingDependencies, 'unitOfWork'>) {}

  /**
   * `correction`: the correction this refresh follows, if any. Only a correction takes a
   * parchemin back (R9): a revision, a closure or the passing of time never does (finality).
   */
  async refresh(
    tx: IssuingTransaction,
    candidateId: string,
    lineage: Lineage,
    correction?: DecisionCorrection,
  ): Promise<LivretView> {
    const today = this.deps.clock.today();
    const facts = await tx.facts.ofCandidates([candidateId]);
    let credentials = (await tx.credentials.findByCandidates([candidateId])).filter(
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
    const replace = (revoked: StoredCredential) => {
      credentials = credentials.map((c) => (c.id === revoked.id ? revoked : c));
    };

    let title = standingParchemin(credentials, lineage.rootId);
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
      replace(await this.withdraw(tx, title, correction));
      titleWithdrawn = true;
      title = standingParchemin(credentials, lineage.rootId);
      view = compute(title !== undefined);
    }

    if (view.parcheminDue) {
      const version = lineage.versions.find((v) => v.id === view.certificationId);
      title = await this.issue(
        tx,
        candidateId,
        lineage.rootId,
        parcheminContent(version ?? currentVersion(lineage), view.acquiredComponents),
        view.obtainedOn as LocalDate,
      );
      view = { ...view, status: 'COMPLETE', parcheminDue: false };
    }

    const awards = specializationsAwarded(
      lineage,
      countingFacts(facts, facts.corrections).decisions,
    );
    if (correction) {
      for (const ccs of credentials.filter(
        (c) => c.specializationKey !== '' && c.status === 'VALID',
      )) {
        const award = awards.find((a) => a.specialization.code === ccs.specializationKey);
        // R7: a CCS is held by a holder of the title; it follows a title the correction withdrew.
        if (titleWithdrawn || !award || award.decision.decidedOn !== ccs.obtainedOn)
          replace(await this.withdraw(tx, ccs, correction));
      }
    }
    if (title?.status === 'VALID') {
      for (const award of awards) {
        if (standingParchemin(credentials, lineage.rootId, award.specialization.code)) continue;
        await this.issue(
          tx,
          candidateId,
          lineage.rootId,
          parcheminContent(award.certification, [], award.specialization),
          award.decision.decidedOn,
        );
      }
    }
    await this.record(tx, candidateId, lineage.rootId, view, stored);
    return view;
  }

  /** Revoked with the correction's reason; the record stays, and REVOKED is published. */
  private async withdraw(
    tx: IssuingTransaction,
    credential: StoredCredential,
    correction: DecisionCorrection,
  ): Promise<StoredCredential> {
    const revoked: StoredCredential = {
      ...credential,
      status: 'REVOKED',
      revokedAt: this.deps.clock.now(),
      revokedBy: null,
      revocationReason: correction.reason,
      revokingDecisionId: correction.decisionId,
    };
    if (await tx.credentials.revoke(revoked)) await tx.events.revoked(revoked);
    return revoked;
  }

  private async record(
    tx: IssuingTransaction,
    candidateId: string,
    lineageRootId: string,
    view: LivretView,
    stored: StoredLivret | null,
  ) {
    const next: StoredLivret = {
      id: stored?.id ?? this.deps.newId(),
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

  private async issue(
    tx: IssuingTransaction,
    candidateId: string,
    lineageRootId: string,
    content: ParcheminContent,
    obtainedOn: LocalDate,
  ): Promise<StoredCredential> {
    const issuedOn = this.deps.clock.today();
    const prefix = credentialNumberPrefix(content, obtainedOn);
    const credential: StoredCredential = {
      id: this.deps.newId(),
      number: formatCredentialNumber(prefix, await tx.credentials.nextSequence(prefix)),
      candidateId,
      lineageRootId,
      certificationId: content.certification.id,
      specializationId: content.specialization?.id ?? null,
      specializationKey: content.specialization?.code ?? '',
      verificationCode: this.deps.newVerificationCode(),
      issuedOn,
      obtainedOn,
      issuedAt: this.deps.clock.now(),
      status: 'VALID',
      content,
      revokedAt: null,
      revokedBy: null,
      revocationReason: null,
      revokingDecisionId: null,
    };
    await tx.credentials.insert(credential);
    await tx.events.issued(credential);
    return credential;
  }
}
