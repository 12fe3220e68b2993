import type { Principal } from '@certif/platform-auth';
import type { CandidateRecordsQueries } from '../read-candidate-records/candidate-records.queries';
import type { IssuingDependencies } from '../ports';
import { assertMayReadRecordOf } from '../record-access';

/**
 * GDPR access right (R13): everything issuing holds on a candidate — the identity it prints on
 * documents, the jury facts it received, the livrets computed from them and the parchemins — as
 * the issuing section of `exportMyData`. Null when issuing holds nothing on the candidate.
 */
export async function personalDataOf(
  deps: IssuingDependencies,
  records: CandidateRecordsQueries,
  principal: Principal | null,
  candidateId: string,
): Promise<Record<string, unknown> | null> {
  assertMayReadRecordOf(principal, candidateId);
  const { reader } = deps.unitOfWork;
  const [[identity], facts, [livrets], [parchemins]] = await Promise.all([
    reader.candidates.findByIds([candidateId]),
    reader.facts.ofCandidates([candidateId]),
    records.livretsOf(principal, [candidateId]),
    records.parcheminsOf(principal, [candidateId]),
  ]);
  const livretList = livrets instanceof Error || !livrets ? [] : livrets;
  const parcheminList = parchemins instanceof Error || !parchemins ? [] : parchemins;
  const nothing =
    !identity &&
    facts.acquisitions.length === 0 &&
    facts.decisions.length === 0 &&
    facts.corrections.length === 0 &&
    livretList.length === 0 &&
    parcheminList.length === 0;
  if (nothing) return null;
  return {
    identity: identity
      ? {
          firstName: identity.firstName,
          lastName: identity.lastName,
          birthDate: identity.birthDate,
          erasedAt: identity.erasedAt,
        }
      : null,
    componentsAcquired: facts.acquisitions.map(
      ({ candidateId: _c, ...acquisition }) => acquisition,
    ),
    juryDecisions: facts.decisions.map(({ candidateId: _c, ...decision }) => decision),
    decisionCorrections: facts.corrections.map(({ candidateId: _c, ...correction }) => correction),
    livrets: livretList.map(({ livret, view }) => ({
      id: livret.id,
      certificationId: view.certificationId,
      status: view.status,
      capitalizationDeadline: view.capitalizationDeadline,
      acquiredComponents: view.acquiredComponents,
      missingComponentIds: view.missingComponents.map((component) => component.id),
    })),
    parchemins: parcheminList.map((parchemin) => ({
      id: parchemin.id,
      number: parchemin.number,
      certificationId: parchemin.certificationId,
      specializationId: parchemin.specializationId,
      status: parchemin.status,
      issuedOn: parchemin.issuedOn,
      obtainedOn: parchemin.obtainedOn,
      revocationReason: parchemin.revocationReason,
      verificationCode: parchemin.verificationCode,
    })),
  };
}
