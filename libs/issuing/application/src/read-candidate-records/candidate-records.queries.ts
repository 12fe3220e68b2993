import type { Principal } from '@certif/platform-auth';
import {
  computeLivret,
  parcheminTitle,
  standingParchemin,
  type Lineage,
  type LivretView,
  type Parchemin,
  type ParcheminStatus,
} from '@certif/issuing-domain';
import { utcDateOf, type LocalDate } from '@certif/platform-calendar';
import type { CandidateIdentity, IssuingDependencies, StoredLivret } from '../ports';
import { assertMayReadRecordOf } from '../record-access';

export interface LivretRecord {
  livret: StoredLivret;
  lineage: Lineage;
  /** Computed from the facts as of today: LAPSED shows on the day after the deadline. */
  view: LivretView;
}

export interface ParcheminVerification {
  valid: boolean;
  status: ParcheminStatus | null;
  holderName: string | null;
  certificationTitle: string | null;
  /** The title's own code (e.g. TP-DWWM), its RNCP code when known, level and certifier. */
  certificationCode: string | null;
  rncpCode: string | null;
  level: number | null;
  certifierName: string | null;
  issuedOn: LocalDate | null;
  /** The date the title was obtained (the completing jury decision). */
  obtainedOn: LocalDate | null;
  /** Public once revoked: the verification page tells a verifier why (issue 16). */
  revokedOn: LocalDate | null;
  revocationReason: string | null;
}

const UNKNOWN: ParcheminVerification = {
  valid: false,
  status: null,
  holderName: null,
  certificationTitle: null,
  certificationCode: null,
  rncpCode: null,
  level: null,
  certifierName: null,
  issuedOn: null,
  obtainedOn: null,
  revokedOn: null,
  revocationReason: null,
};

/** The name documents and verification show: the pseudonym once erased (R13); null if unknown. */
export function holderName(identity: CandidateIdentity | undefined): string | null {
  return identity ? `${identity.firstName} ${identity.lastName}`.trim() : null;
}

/** Reading livrets and parchemins: the holder, session managers and admins (batched for loaders). */
export class CandidateRecordsQueries {
  constructor(private readonly deps: IssuingDependencies) {}

  /** Per candidate: their livrets, or the refusal for that candidate. */
  async livretsOf(
    principal: Principal | null,
    candidateIds: readonly string[],
  ): Promise<(LivretRecord[] | Error)[]> {
    const allowed = candidateIds.filter((id) => this.allowed(principal, id) === null);
    const records = await this.records(
      await this.deps.unitOfWork.reader.livrets.findByCandidates(allowed),
    );
    return candidateIds.map(
      (id) => this.allowed(principal, id) ?? records.filter((r) => r.livret.candidateId === id),
    );
  }

  async parcheminsOf(
    principal: Principal | null,
    candidateIds: readonly string[],
  ): Promise<(Parchemin[] | Error)[]> {
    const allowed = candidateIds.filter((id) => this.allowed(principal, id) === null);
    const parchemins = await this.deps.unitOfWork.reader.parchemins.findByCandidates(allowed);
    return candidateIds.map(
      (id) =>
        this.allowed(principal, id) ?? parchemins.filter((c) => c.candidateId === id).sort(byIssue),
    );
  }

  /** Entity references (federation): each one checked against the caller. */
  async livretsByIds(
    principal: Principal | null,
    ids: readonly string[],
  ): Promise<(LivretRecord | Error | null)[]> {
    const records = await this.records(await this.deps.unitOfWork.reader.livrets.findByIds(ids));
    return ids.map((id) => {
      const record = records.find((r) => r.livret.id === id);
      return record ? (this.allowed(principal, record.livret.candidateId) ?? record) : null;
    });
  }

  async parcheminsByIds(
    principal: Principal | null,
    ids: readonly string[],
  ): Promise<(Parchemin | Error | null)[]> {
    const parchemins = await this.deps.unitOfWork.reader.parchemins.findByIds(ids);
    return ids.map((id) => {
      const parchemin = parchemins.find((c) => c.id === id);
      return parchemin ? (this.allowed(principal, parchemin.candidateId) ?? parchemin) : null;
    });
  }

  /**
   * Public: anyone holding a code may check it, without signing in. An unknown code says nothing
   * more than that; a revoked parchemin is invalid and says so.
   */
  async verify(code: string): Promise<ParcheminVerification> {
    const normalized = code.trim().toUpperCase();
    if (normalized.length === 0 || normalized.length > 64) return UNKNOWN;
    const parchemin =
      await this.deps.unitOfWork.reader.parchemins.findByVerificationCode(normalized);
    if (!parchemin) return UNKNOWN;
    const [identity] = await this.deps.unitOfWork.reader.candidates.findByIds([
      parchemin.candidateId,
    ]);
    const { certification } = parchemin.content;
    return {
      valid: parchemin.status === 'VALID',
      status: parchemin.status,
      holderName: holderName(identity),
      certificationTitle: parcheminTitle(parchemin.content),
      certificationCode: certification.code,
      rncpCode: certification.rncpCode,
      level: certification.level,
      certifierName: certification.certifier.name,
      issuedOn: parchemin.issuedOn,
      obtainedOn: parchemin.obtainedOn,
      revokedOn: parchemin.revokedAt ? utcDateOf(parchemin.revokedAt) : null,
      revocationReason: parchemin.status === 'REVOKED' ? parchemin.revocationReason : null,
    };
  }

  private allowed(principal: Principal | null, candidateId: string): Error | null {
    try {
      assertMayReadRecordOf(principal, candidateId);
      return null;
    } catch (error) {
      return error as Error;
    }
  }

  async records(livrets: StoredLivret[]): Promise<LivretRecord[]> {
    if (livrets.length === 0) return [];
    const { reader } = this.deps.unitOfWork;
    const today = this.deps.clock.today();
    const candidateIds = [...new Set(livrets.map((l) => l.candidateId))];
    const [facts, parchemins, lineages] = await Promise.all([
      reader.facts.ofCandidates(candidateIds),
      reader.parchemins.findByCandidates(candidateIds),
      reader.certifications.lineagesOf(livrets.map((l) => l.certificationId)),
    ]);
    return livrets.flatMap((livret) => {
      const lineage = lineages.get(livret.certificationId);
      if (!lineage) return [];
      const mine = <T extends { candidateId: string }>(items: T[]) =>
        items.filter((i) => i.candidateId === livret.candidateId);
      const view = computeLivret({
        lineage,
        acquisitions: mine(facts.acquisitions),
        decisions: mine(facts.decisions),
        corrections: mine(facts.corrections),
        today,
        parcheminIssued: standingParchemin(mine(parchemins), livret.lineageRootId) !== undefined,
      });
      return [{ livret, lineage, view }];
    });
  }
}

function byIssue(a: Parchemin, b: Parchemin): number {
  return a.issuedAt.getTime() - b.issuedAt.getTime() || a.number.localeCompare(b.number);
}
