import {
  parcheminNumberPrefix,
  parcheminTitle,
  formatParcheminNumber,
  issuingAuthority,
  parcheminContent,
} from './parchemin';
import { SEED_VERSIONS } from './testing';

describe('parchemin', () => {
  const cda = parcheminContent(SEED_VERSIONS['001'], [
    {
      componentId: 'id-TP-CDA-CCP1',
      acquiredOn: '2024-01-10',
      viaCorrespondence: false,
      sessionId: null,
    },
  ]);

  it('states the certification and each component with its date', () => {
    expect(cda.certification).toMatchObject({ code: 'TP-CDA', rncpCode: null, level: 6 });
    expect(cda.components).toEqual([
      {
        componentId: 'id-TP-CDA-CCP1',
        code: 'TP-CDA-CCP1',
        title: 'Composant TP-CDA-CCP1',
        acquiredOn: '2024-01-10',
        viaCorrespondence: false,
      },
    ]);
  });

  it.each`
    case           | specialization                                     | obtainedOn      | sequence | number                         | title
    ${'the title'} | ${null}                                            | ${'2026-03-01'} | ${123}   | ${'TP-CDA-2026-000123'}        | ${'Concepteur développeur d’applications'}
    ${'a CCS'}     | ${{ id: 's', code: 'TP-CDA-CCS-IA', title: 'IA' }} | ${'2027-01-02'} | ${1}     | ${'TP-CDA-CCS-IA-2027-000001'} | ${'IA (certificat complémentaire de spécialisation — Concepteur développeur d’applications)'}
  `(
    'numbers $case $number with the year obtained',
    ({ specialization, obtainedOn, sequence, number, title }) => {
      const content = { ...cda, specialization };
      expect(formatParcheminNumber(parcheminNumberPrefix(content, obtainedOn), sequence)).toBe(
        number,
      );
      expect(parcheminTitle(content)).toBe(title);
    },
  );

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatParcheminNumber('TP-CDA-2026', 0)).toThrow(RangeError);
  });

  it.each`
    seed     | authority
    ${'000'} | ${"Le représentant territorial du ministère chargé de l'emploi (certificateur : Ministère chargé de l’emploi)"}
    ${'003'} | ${'Conservatoire national des arts et métiers (CNAM)'}
    ${'004'} | ${'OPENCLASSROOMS (SIRET 49386136300080)'}
  `('R11: seed $seed is delivered by $authority', ({ seed, authority }) => {
    const version = SEED_VERSIONS[seed as keyof typeof SEED_VERSIONS];
    expect(issuingAuthority(parcheminContent(version, []).certification)).toBe(authority);
  });
});
