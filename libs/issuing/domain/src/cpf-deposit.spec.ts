import {
  cpfAccessModeOf,
  cpfCertificationOf,
  cpfDepositDeadline,
  cpfOverdueObtainedBefore,
  cpfPassageOf,
  isCpfDepositOverdue,
  missingCertifierData,
  type CpfHolder,
  type ParcheminToDeposit,
} from './cpf-deposit';
import { parcheminContent } from './parchemin';
import { ADA_PASSAGE, SEED_VERSIONS } from './testing';

function holder(overrides: Partial<CpfHolder> = {}): CpfHolder {
  return {
    firstName: 'Ada',
    lastName: 'Lovelace',
    birthName: null,
    birthDate: '1995-12-10',
    sex: 'F',
    birthPlace: {
      inseeCode: '69123',
      postalCode: '69001',
      city: 'Lyon',
      countryCode: 'FRA',
      country: 'France',
    },
    erased: false,
    pathway: 'CONTINUOUS_TRAINING',
    ...overrides,
  };
}

const parchemin: ParcheminToDeposit = { number: 'RNCP36912-2026-000001', obtainedOn: '2026-06-05' };

describe('the deposit with the Caisse des Dépôts', () => {
  describe('which register code a parchemin is deposited under', () => {
    it.each`
      seed     | code           | expected
      ${'000'} | ${'TP-DL'}     | ${null}
      ${'001'} | ${'TP-CDA'}    | ${null}
      ${'002'} | ${'TP-DWWM'}   | ${null}
      ${'003'} | ${'RNCP28754'} | ${{ type: 'RNCP', code: 'RNCP28754' }}
      ${'004'} | ${'RNCP36912'} | ${{ type: 'RNCP', code: 'RNCP36912' }}
    `('seed $seed ($code) → $expected (local codes are not depositable)', ({ seed, expected }) => {
      const version = SEED_VERSIONS[seed as keyof typeof SEED_VERSIONS];
      expect(cpfCertificationOf(parcheminContent(version, []))).toEqual(expected);
    });

    it('deposits a certification of the répertoire spécifique under RS', () => {
      const content = parcheminContent(
        { ...SEED_VERSIONS['004'], code: 'RS5487', rncpCode: null },
        [],
      );
      expect(cpfCertificationOf(content)).toEqual({ type: 'RS', code: 'RS5487' });
    });

    it("never deposits a CCS under its title's code", () => {
      const content = parcheminContent(SEED_VERSIONS['004'], [], {
        id: 's',
        code: 'CCS-IA',
        title: 'IA',
      });
      expect(cpfCertificationOf(content)).toBeNull();
    });
  });

  it.each`
    pathway                           | mode
    ${'INITIAL_TRAINING'}             | ${'FORMATION_INITIALE_HORS_APPRENTISSAGE'}
    ${'APPRENTICESHIP'}               | ${'FORMATION_INITIALE_APPRENTISSAGE'}
    ${'CONTINUOUS_TRAINING'}          | ${'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION'}
    ${'DISCONTINUOUS_TRAINING'}       | ${'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION'}
    ${'PROFESSIONALISATION_CONTRACT'} | ${'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION'}
    ${'VAE'}                          | ${'VAE'}
    ${'INDIVIDUAL_APPLICATION'}       | ${'CANDIDAT_LIBRE'}
    ${'SOMETHING_NEW'}                | ${null}
  `('maps the enrolment pathway $pathway to modaliteAcces $mode', ({ pathway, mode }) => {
    expect(cpfAccessModeOf(pathway)).toBe(mode);
  });

  describe('a passage', () => {
    it('states the parchemin number, the date obtained and the holder as the register asks', () => {
      expect(cpfPassageOf(parchemin, holder())).toEqual({ passage: ADA_PASSAGE });
    });

    it('sends the birth name as nomNaissance and the last name as nomUsage when they differ', () => {
      const result = cpfPassageOf(parchemin, holder({ birthName: 'Byron' }));
      expect(result).toMatchObject({
        passage: { titulaire: { nomNaissance: 'Byron', nomUsage: 'Lovelace' } },
      });
    });

    it('falls back on the postal code when the INSEE code is unknown', () => {
      const birthPlace = { ...holder().birthPlace!, inseeCode: null };
      expect(cpfPassageOf(parchemin, holder({ birthPlace }))).toMatchObject({
        passage: { titulaire: { codeInsee: null, codePostal: '69001' } },
      });
    });

    it('sends a VAE as VAE_CLASSIQUE', () => {
      expect(cpfPassageOf(parchemin, holder({ pathway: 'VAE' }))).toMatchObject({
        passage: { modaliteAcces: 'VAE', voieAccesVae: 'VAE_CLASSIQUE' },
      });
    });

    it.each`
      case                         | change                                                                                                   | missing
      ${'no sex'}                  | ${{ sex: null }}                                                                                         | ${['sex']}
      ${'no birth date'}           | ${{ birthDate: null }}                                                                                   | ${['birthDate']}
      ${'no birth place'}          | ${{ birthPlace: null }}                                                                                  | ${['birthPlace.inseeCode or postalCode']}
      ${'a city but no code'}      | ${{ birthPlace: { inseeCode: null, postalCode: null, city: 'Lyon', countryCode: null, country: null } }} | ${['birthPlace.inseeCode or postalCode']}
      ${'no enrolment'}            | ${{ pathway: null }}                                                                                     | ${['enrolment pathway']}
      ${'a last name of 61'}       | ${{ lastName: 'L'.repeat(61) }}                                                                          | ${['birthName of at most 60 characters (61)', 'lastName of at most 60 characters (61)']}
      ${'nothing of the register'} | ${{ sex: null, birthDate: null, birthPlace: null }}                                                      | ${['birthDate', 'sex', 'birthPlace.inseeCode or postalCode']}
      ${'an erased holder (R13)'}  | ${{ erased: true }}                                                                                      | ${['holder identity (erased, R13)']}
    `('lists what is missing, never a half-empty passage: $case', ({ change, missing }) => {
      expect(cpfPassageOf(parchemin, holder(change))).toEqual({ missing });
    });

    it('lists an unknown holder', () => {
      expect(cpfPassageOf(parchemin, undefined)).toEqual({
        missing: ['holder (candidates.candidate.v1 not received)'],
      });
    });
  });

  it.each`
    certifier                                                                        | missing
    ${{ name: 'OPENCLASSROOMS', siret: '49386136300080' }}                           | ${['cpfClientId', 'cpfContractId']}
    ${{ name: 'OC', siret: null, cpfClientId: 'OC123456', cpfContractId: null }}     | ${['cpfContractId']}
    ${{ name: 'OC', siret: null, cpfClientId: 'OC123456', cpfContractId: 'MCF-01' }} | ${[]}
  `("names the certifier's missing identifiers: $missing", ({ certifier, missing }) => {
    expect(missingCertifierData(certifier)).toEqual(missing);
  });

  describe('the deadline: three months from obtainedOn', () => {
    it.each`
      obtainedOn      | deadline
      ${'2026-06-05'} | ${'2026-09-05'}
      ${'2026-11-30'} | ${'2027-02-28'}
      ${'2027-11-30'} | ${'2028-02-29'}
      ${'2026-12-31'} | ${'2027-03-31'}
    `('obtained on $obtainedOn → deposited by $deadline', ({ obtainedOn, deadline }) => {
      expect(cpfDepositDeadline(obtainedOn)).toBe(deadline);
    });

    it.each`
      obtainedOn      | today           | overdue
      ${'2026-06-05'} | ${'2026-09-05'} | ${false}
      ${'2026-06-05'} | ${'2026-09-06'} | ${true}
      ${'2026-11-30'} | ${'2027-02-28'} | ${false}
      ${'2026-11-30'} | ${'2027-03-01'} | ${true}
    `(
      'obtained on $obtainedOn, today $today → overdue $overdue',
      ({ obtainedOn, today, overdue }) => {
        expect(isCpfDepositOverdue(obtainedOn, today)).toBe(overdue);
        // The store's filter agrees with the rule.
        expect(obtainedOn < cpfOverdueObtainedBefore(today)).toBe(overdue);
      },
    );
  });
});
