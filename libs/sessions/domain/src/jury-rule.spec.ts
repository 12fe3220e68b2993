// R8/R9: each seed's jury rule (as referentials publishes it) against the juries a certifier
// composes, from the fiches' own words.
import { assertJuryRule, defaultJuryRule, JuryRuleRefused, type JuryRule } from './jury-rule';
import type { Juror } from './exam-session';
import { juror, refusalOf } from './testing';

const RULES: Record<string, JuryRule> = {
  // 000: « un binôme d’évaluateurs composé d’un professionnel et d’un formateur de la spécialité »
  'TP-DL': {
    minMembers: 2,
    minProfessionals: 1,
    allProfessionals: false,
    requiredRoles: ['PROFESSIONAL', 'TRAINER'],
  },
  // 001/002: « un jury composé de professionnels » (2016 rules: at least two)
  'TP-CDA': defaultJuryRule('PROFESSIONAL_TITLE'),
  // 003: « l'Administrateur général du Cnam ou son représentant, un enseignant du Cnam, un
  // représentant qualifié des professions concernées par le titre »
  RNCP28754: {
    minMembers: 3,
    minProfessionals: 1,
    allProfessionals: false,
    requiredRoles: ['CERTIFIER_REPRESENTATIVE', 'TEACHER', 'PROFESSIONAL'],
  },
  // 004: « trois membres dont deux professionnels du secteur informatique et externe à l'organisme »
  RNCP36912: { minMembers: 3, minProfessionals: 2, allProfessionals: false, requiredRoles: [] },
};

const pro = (n: number) => juror(`pro-${n}`, 'PROFESSIONAL');
const trainer = juror('trainer', 'TRAINER');
const teacher = juror('teacher', 'TEACHER');
const representative = juror('representative', 'CERTIFIER_REPRESENTATIVE');

describe('R8/R9: the jury rule of each seed', () => {
  it.each<[string, string, Juror[], string | null]>([
    ['TP-DL', 'R8: a professional and a trainer', [pro(1), trainer], null],
    ['TP-DL', 'R8: a professional alone', [pro(1)], 'minMembers'],
    ['TP-DL', 'R8: two professionals, no trainer', [pro(1), pro(2)], 'requiredRoles'],
    ['TP-CDA', 'R9: two professionals', [pro(1), pro(2)], null],
    ['TP-CDA', 'R9: three professionals', [pro(1), pro(2), pro(3)], null],
    ['TP-CDA', 'R9: one professional', [pro(1)], 'minMembers'],
    [
      'TP-CDA',
      'R9: two professionals and a trainer (not all professionals)',
      [pro(1), pro(2), trainer],
      'allProfessionals',
    ],
    [
      'TP-CDA',
      'R9: a professional and a trainer (the 000 pair)',
      [pro(1), trainer],
      'minProfessionals',
    ],
    [
      'RNCP28754',
      'R9: representative, teacher, professional',
      [representative, teacher, pro(1)],
      null,
    ],
    [
      'RNCP28754',
      'R9: teacher and two professionals, no representative',
      [teacher, pro(1), pro(2)],
      'requiredRoles',
    ],
    ['RNCP28754', 'R9: no juror at all', [], 'minMembers'],
    ['RNCP36912', 'R9: three members, two professionals', [teacher, pro(1), pro(2)], null],
    [
      'RNCP36912',
      'R9: three members, one professional',
      [teacher, trainer, pro(1)],
      'minProfessionals',
    ],
    ['RNCP36912', 'R9: two professionals only', [pro(1), pro(2)], 'minMembers'],
    ['RNCP36912', 'R9: no juror at all', [], 'minMembers'],
  ])('%s — %s', (code, _case, jurors, failedPart) => {
    const juryRule = RULES[code] as JuryRule;
    const check = () => assertJuryRule({ code, juryRule }, jurors, 'deliberating');
    if (failedPart === null) {
      expect(check).not.toThrow();
      return;
    }
    const error = refusalOf(check);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sessionId',
      rule: code === 'TP-DL' ? 'R8' : 'R9',
    });
    // The rule that refused is in the GraphQL error's extensions.
    expect(error).toBeInstanceOf(JuryRuleRefused);
    const details = (error as JuryRuleRefused).details() as {
      juryRule: JuryRule;
      violations: { part: string }[];
    };
    expect(details.juryRule).toEqual(juryRule);
    expect(details.violations.map((v) => v.part)).toContain(failedPart);
    expect(error.message).toMatch(`does not meet ${code}'s jury rule`);
  });

  it('an RNCP certification without a stated rule needs one member', () => {
    const juryRule = defaultJuryRule('RNCP_CERTIFICATION');
    expect(() => assertJuryRule({ code: 'X', juryRule }, [teacher], 'deliberating')).not.toThrow();
    expect(() => assertJuryRule({ code: 'X', juryRule }, [], 'deliberating')).toThrow(
      /at least 1 member; it has 0/,
    );
  });
});
