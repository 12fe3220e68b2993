import { InputProblems } from '@certif/platform-errors';
import { checkJuryRule, checkPathways, defaultJuryRule, type JuryRule } from './access-rules';

describe('R9: the jury rule a certification states, or the contract’s default', () => {
  it.each([
    [
      'PROFESSIONAL_TITLE',
      '2016 rules: « un jury composé de professionnels », at least two',
      { minMembers: 2, minProfessionals: 2, allProfessionals: true, requiredRoles: [] },
    ],
    [
      'RNCP_CERTIFICATION',
      'the fiche states its jury; without it, at least one member',
      { minMembers: 1, minProfessionals: 0, allProfessionals: false, requiredRoles: [] },
    ],
  ] as const)('%s without a rule: %s', (kind, _words, rule) => {
    expect(defaultJuryRule(kind)).toEqual(rule);
  });

  const rule = (overrides: Partial<JuryRule>): JuryRule => ({
    minMembers: 2,
    minProfessionals: 1,
    allProfessionals: false,
    requiredRoles: [],
    ...overrides,
  });
  it.each<[string, JuryRule, string | null]>([
    [
      'a pair, one professional and one trainer (R8)',
      rule({ requiredRoles: ['PROFESSIONAL', 'TRAINER'] }),
      null,
    ],
    ['no member at all', rule({ minMembers: 0 }), 'juryRule.minMembers'],
    ['a negative count', rule({ minProfessionals: -1 }), 'juryRule.minProfessionals'],
    [
      'professionals only yet a trainer required',
      rule({ allProfessionals: true, requiredRoles: ['TRAINER'] }),
      'juryRule.requiredRoles',
    ],
  ])('%s', (_case, candidate, field) => {
    const problems = new InputProblems();
    checkJuryRule(problems, candidate);
    if (field === null) expect(problems.isEmpty).toBe(true);
    else expect(() => problems.throwIfAny()).toThrow(expect.objectContaining({ field }));
  });
});

describe('access routes', () => {
  it('refuses an empty list and a route listed twice', () => {
    const problems = new InputProblems();
    checkPathways(problems, []);
    expect(problems.isEmpty).toBe(false);
    const twice = new InputProblems();
    checkPathways(twice, ['VAE', 'VAE']);
    expect(() => twice.throwIfAny()).toThrow('VAE is listed twice');
  });
});
