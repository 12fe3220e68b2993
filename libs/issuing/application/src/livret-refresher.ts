import {
  computeLivret,
  credentialNumberPrefix,
  currentVersion,
  formatCredentialNumber,
  parcheminContent,
  specializationsAwarded,
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

/**
 * Recomputes a candidate's livret for one lineage from every fact stored, inside the caller's
 * transaction, and acts on it: issues the parchemin when due and none exists, issues the CCS
 * parchemins awarded to a holder of a valid parchemin (R7), and publishes the livret's status when
 * it changed. Recomputing from all facts is what makes the outcome independent of the order in
 * which events arrive; the unique (candidate, lineage, CCS) key is what makes it exactly one.
 */
export class LivretRefresher {
  constructor(private readonly deps: Omit<IssuingDependencies, 'unitOfWork'>) {}

  async refresh(
    tx: IssuingTransaction,
    candidateId: string,
    lineage: Lineage,
  ): Promise<LivretView> {
    const today = this.deps.clock.today();
    const facts = await tx.facts.ofCandidates([candidateId]);
    const credentials = (await tx.credentials.findByCandidates([candidateId])).filter(
      (c) => c.lineageRootId === lineage.rootId,
    );
    // Read before issuing: a parchemin's number holds a lock until commit (see nextSequence).
    const stored = await tx.livrets.findOne(candidateId, lineage.rootId);
    let title = credentials.find((c) => c.specializationKey === '');
    let view = computeLivret({
      lineage,
      acquisitions: facts.acquisitions,
      decisions: facts.decisions,
      today,
      parcheminIssued: title !== undefined,
    });

    if (view.parcheminDue) {
      title = await this.issue(
        tx,
        candidateId,
        lineage.rootId,
        parcheminContent(currentVersion(lineage), view.acquiredComponents),
        view.obtainedOn as LocalDate,
      );
      view = { ...view, status: 'COMPLETE', parcheminDue: false };
    }
    if (title?.status === 'VALID') {
      for (const award of specializationsAwarded(lineage, facts.decisions)) {
        if (credentials.some((c) => c.specializationKey === award.specialization.code)) continue;
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
    };
    await tx.credentials.insert(credential);
    await tx.events.issued(credential);
    return credential;
  }
}
