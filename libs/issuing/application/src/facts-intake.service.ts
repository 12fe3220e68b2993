import type {
  CertificationVersion,
  ComponentAcquisition,
  DecisionCorrection,
  TitleDecision,
} from '@certif/issuing-domain';
import { LivretRefresher } from './livret-refresher';
import type { CandidateIdentity, IssuingDependencies, IssuingTransaction } from './ports';

/** A correction as issuing reads it: the supersession, and the new decision's own facts. */
export interface CorrectedDecision {
  correction: DecisionCorrection;
  /** The components the new decision awards (its full set), as acquisitions of it. */
  acquisitions: ComponentAcquisition[];
  /** The new decision's title step (title awarded, final interview passed, CCS), if it has one. */
  decision: TitleDecision | null;
}

/**
 * The consumer side: each event's fact is stored as it arrives, then the livrets it may change
 * are recomputed from all facts, in the consumer's transaction. A fact about a certification not
 * known yet waits in the store and counts once the certification arrives.
 */
export class FactsIntake {
  private readonly refresher: LivretRefresher;

  constructor(deps: Omit<IssuingDependencies, 'unitOfWork'>) {
    this.refresher = new LivretRefresher(deps);
  }

  async componentAcquired(
    tx: IssuingTransaction,
    candidateId: string,
    acquisition: ComponentAcquisition,
  ) {
    await tx.candidates.lockFacts(candidateId);
    await tx.facts.addAcquisition(candidateId, acquisition);
    await this.refreshLineageOf(tx, candidateId, acquisition.certificationId);
  }

  async titleAwarded(tx: IssuingTransaction, candidateId: string, decision: TitleDecision) {
    await tx.candidates.lockFacts(candidateId);
    await tx.facts.addDecision(candidateId, decision);
    await this.refreshLineageOf(tx, candidateId, decision.certificationId);
  }

  /**
   * sessions.decision-corrected.v1 (R9): the correction and the new decision's own facts are
   * stored (the superseded decision's facts, stored or still to come, stop counting), then the
   * livret is recomputed: a parchemin no longer earned is revoked with the correction's reason, a
   * newly earned one is issued.
   */
  async decisionCorrected(
    tx: IssuingTransaction,
    candidateId: string,
    corrected: CorrectedDecision,
  ) {
    await tx.candidates.lockFacts(candidateId);
    await tx.facts.addCorrection(candidateId, corrected.correction);
    for (const acquisition of corrected.acquisitions)
      await tx.facts.addAcquisition(candidateId, acquisition);
    if (corrected.decision) await tx.facts.addDecision(candidateId, corrected.decision);
    await this.refreshLineageOf(
      tx,
      candidateId,
      corrected.correction.certificationId,
      corrected.correction,
    );
  }

  /** A revision moves every livret of the lineage to the new version; a closure sets deadlines. */
  async certificationChanged(tx: IssuingTransaction, version: CertificationVersion) {
    if (!(await tx.certifications.save(version))) return;
    const lineage = await tx.certifications.lineageOf(version.id);
    if (!lineage) return;
    const candidates = await tx.facts.candidatesWithFactsIn(lineage.versions.map((v) => v.id));
    for (const candidateId of [...candidates].sort())
      await this.refresher.refresh(tx, candidateId, lineage);
  }

  async candidateChanged(tx: IssuingTransaction, identity: CandidateIdentity) {
    await tx.candidates.save(identity);
  }

  /**
   * At once, or once per candidate and certification at the end of the batch of events the
   * transaction handles (a correction's own refresh once per correction). The certification is
   * read after the fact is stored, either way: a certification handled at the same moment then
   * sees the fact, or the fact's refresh sees the certification.
   */
  private async refreshLineageOf(
    tx: IssuingTransaction,
    candidateId: string,
    certificationId: string,
    correction?: DecisionCorrection,
  ) {
    const refresh = async () => {
      const lineage = await tx.certifications.lineageOf(certificationId);
      if (lineage) await this.refresher.refresh(tx, candidateId, lineage, correction);
    };
    if (!tx.deferUntilBatchEnd) return refresh();
    tx.deferUntilBatchEnd(
      correction
        ? `correction ${correction.decisionId}`
        : `livret ${candidateId} ${certificationId}`,
      refresh,
    );
  }
}
