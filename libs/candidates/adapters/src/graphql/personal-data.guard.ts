import { FieldGuard, requirePrincipal } from '@certif/platform-graphql';
import { maySeePersonalData, PERSONAL_DATA_REFUSAL } from '@certif/candidates-application';
import type { CandidatesContext } from './candidates-context';

/** Set on a candidate returned to the manager who has just typed its data in (registerCandidate). */
export interface DisclosedToCaller {
  disclosedToCaller?: boolean;
}

/**
 * Marks a field as personal data of the candidate `candidateOf(root)` names: resolved only for
 * those `maySeePersonalData` allows (admins, the candidate, managers of a centre where the
 * candidate is registered), FORBIDDEN for others. One line per field:
 *
 *     @PersonalData((candidate: CandidateType) => candidate.id)
 *     @Field(() => DateScalar, { nullable: true })
 *     birthDate!: LocalDate | null;
 */
export function PersonalData<TRoot extends object>(candidateOf: (root: TRoot) => string) {
  return FieldGuard<TRoot & DisclosedToCaller, CandidatesContext>(
    (root, context) =>
      root.disclosedToCaller === true ||
      maySeePersonalData(requirePrincipal(context), candidateOf(root), () =>
        context.loaders.centersByCandidateId.load(candidateOf(root)),
      ),
    PERSONAL_DATA_REFUSAL,
  );
}
