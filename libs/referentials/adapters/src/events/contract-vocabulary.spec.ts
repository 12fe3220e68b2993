// The contract keeps its own copy of the vocabularies, so that it does not move when the domain
// does: this pins that both still say the same words.
import { certificationState } from '@certif/referentials-contracts';
import {
  CAPITALIZATION_RULES,
  CERTIFICATION_KINDS,
  CERTIFICATION_STATUSES,
  COMPONENT_KINDS,
  JUROR_ROLES,
  PATHWAYS,
} from '@certif/referentials-domain';

const shape = certificationState.shape;

describe('referentials.certification.v1 lists the domain’s vocabularies', () => {
  it.each<[string, readonly string[], readonly string[]]>([
    ['kind', shape.kind.options, CERTIFICATION_KINDS],
    ['status', shape.status.options, CERTIFICATION_STATUSES],
    ['capitalizationRule', shape.capitalizationRule.options, CAPITALIZATION_RULES],
    ['pathways', shape.pathways.unwrap().element.options, PATHWAYS],
    [
      'juryRule.requiredRoles',
      shape.juryRule.unwrap().shape.requiredRoles.element.options,
      JUROR_ROLES,
    ],
    ['components.kind', shape.components.element.shape.kind.options, COMPONENT_KINDS],
  ])('%s', (_field, contract, domain) => {
    expect([...contract]).toEqual([...domain]);
  });
});
