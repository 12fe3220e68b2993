// The contract keeps its own copy of the vocabularies, so that it does not move when the domain
// does: this pins that both still say the same words.
import { certificationState } from '@certif/referentials-contracts';
import * as domain from '@certif/referentials-domain';

const shape = certificationState.shape;

describe('referentials.certification.v1 lists the domain’s vocabularies', () => {
  it.each<[string, readonly string[], readonly string[]]>([
    ['kind', shape.kind.options, domain.CERTIFICATION_KINDS],
    ['status', shape.status.options, domain.CERTIFICATION_STATUSES],
    ['capitalizationRule', shape.capitalizationRule.options, domain.CAPITALIZATION_RULES],
    ['pathways', shape.pathways.unwrap().element.options, domain.PATHWAYS],
    [
      'juryRule.requiredRoles',
      shape.juryRule.unwrap().shape.requiredRoles.element.options,
      domain.JUROR_ROLES,
    ],
    ['components.kind', shape.components.element.shape.kind.options, domain.COMPONENT_KINDS],
  ])('%s', (_field, contract, inDomain) => {
    expect([...contract]).toEqual([...inDomain]);
  });
});
