import type {
  CertificationVersion,
  ComponentAcquisition,
  TitleDecision,
} from '@certif/issuing-domain';
import { LivretRefresher } from './livret-refresher';
import type { CandidateIdentity, IssuingDependencies, IssuingTransaction } from './ports';

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

  private async refreshLineageOf(
    tx: IssuingTransaction,
    candidateId: string,
    certificationId: string,
  ) {
    const lineage = await tx.certifications.lineageOf(certificationId);
    if (lineage) await this.refresher.refresh(tx, candidateId, lineage);
  }
}
