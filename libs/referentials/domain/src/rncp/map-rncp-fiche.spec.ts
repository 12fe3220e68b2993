import type { RncpFiche, RncpStandardRow } from './rncp-fiche';
import { mapRncpFiche, type MappedFiche } from './map-rncp-fiche';
import { rncpPartOf } from './rncp-fiche';

const today = '2026-11-30';

function standard(overrides: Partial<RncpStandardRow> = {}): RncpStandardRow {
  return {
    intitule: 'Expert en développement logiciel',
    abregeLibelle: 'TIT',
    niveau: 'NIV7',
    dateDecision: '29/09/2022',
    dateEffet: '',
    dateFinEnregistrement: '29/09/2025',
    actif: 'ACTIVE',
    ...overrides,
  };
}

function fiche(overrides: Partial<RncpFiche> = {}): RncpFiche {
  return {
    code: 'RNCP36912',
    standard: [standard()],
    blocs: [
      { code: 'RNCP36912BC02', title: 'Concevoir une architecture logicielle' },
      { code: 'RNCP36912BC01', title: 'Piloter un projet de développement' },
    ],
    romeCodes: ['M1802', 'M1805'],
    nsfCodes: ['326t : Programmation, mise en place de logiciels'],
    formacodes: ['31054'],
    certifiers: [{ siret: '49386136300080', name: 'OPENCLASSROOMS' }],
    links: [],
    ...overrides,
  };
}

function mapped(result: MappedFiche) {
  if (result.outcome !== 'mapped')
    throw new Error(`expected mapped, got ${JSON.stringify(result)}`);
  return result;
}
const messages = (result: MappedFiche) => result.flags.map((f) => `${f.field}: ${f.message}`);

describe('mapRncpFiche', () => {
  it('maps a clean fiche: code, title, level, codes, certifier, dates, blocs in code order', () => {
    const { draft, flags } = mapped(mapRncpFiche(fiche(), today));
    expect(draft).toMatchObject({
      code: 'RNCP36912',
      rncpCode: 'RNCP36912',
      title: 'Expert en développement logiciel',
      kind: 'RNCP_CERTIFICATION',
      level: 7,
      nsfCodes: ['326t'],
      romeCodes: ['M1802', 'M1805'],
      formacodes: ['31054'],
      certifier: { name: 'OPENCLASSROOMS', siret: '49386136300080' },
      registeredFrom: '2022-09-29',
      registeredUntil: '2025-09-29',
      capitalizationRule: 'UNLIMITED',
      requiresFinalInterview: false,
      vaeMinimumExperienceYears: null,
      specializations: [],
    });
    expect(draft.components.map((c) => [c.code, c.kind])).toEqual([
      ['RNCP36912BC01', 'BLOC'],
      ['RNCP36912BC02', 'BLOC'],
    ]);
    expect(flags).toEqual([]);
  });

  it('takes Date_Effet before Date_Decision for the start of registration', () => {
    const result = mapRncpFiche(
      fiche({ standard: [standard({ dateEffet: '01/01/2023' })] }),
      today,
    );
    expect(mapped(result).draft.registeredFrom).toBe('2023-01-01');
  });

  it('makes a titre professionnel (TP) of CCPs with the defaults of its kind', () => {
    const tp = fiche({
      code: 'RNCP37873',
      standard: [standard({ abregeLibelle: 'TP', niveau: 'NIV6' })],
      blocs: [{ code: 'RNCP37873BC01', title: 'Développer une application sécurisée' }],
    });
    const { draft } = mapped(mapRncpFiche(tp, today));
    expect(draft).toMatchObject({
      kind: 'PROFESSIONAL_TITLE',
      capitalizationRule: 'WITHIN_TITLE_VALIDITY',
      requiresFinalInterview: true,
    });
    expect(draft.components[0]?.kind).toBe('CCP');
  });

  describe('dirty data: keeps what the source says, flags the rest', () => {
    it.each`
      case                                    | row                                                           | field                        | message
      ${'a malformed Date_Decision'}          | ${{ dateDecision: '31/02/2022' }}                             | ${'Date_Decision'}           | ${/"31\/02\/2022" is not a date/}
      ${'a date in another format'}           | ${{ dateFinEnregistrement: '2025-09-29' }}                    | ${'Date_Fin_Enregistrement'} | ${/not a date JJ\/MM\/AAAA; left empty/}
      ${'an INACTIVE fiche still registered'} | ${{ actif: 'INACTIVE', dateFinEnregistrement: '31/12/2030' }} | ${'Actif'}                   | ${/INACTIVE, but its registration runs until 2030-12-31/}
    `('$case becomes a flag', ({ row, field, message }) => {
      const result = mapped(mapRncpFiche(fiche({ standard: [standard(row)] }), today));
      const flag = result.flags.find((f) => f.field === field);
      expect(flag).toMatchObject({ code: 'RNCP36912', message: expect.stringMatching(message) });
    });

    it('leaves a malformed date empty rather than guessing', () => {
      const result = mapRncpFiche(
        fiche({ standard: [standard({ dateFinEnregistrement: '29/13/2025' })] }),
        today,
      );
      expect(mapped(result).draft.registeredUntil).toBeNull();
    });

    it.each`
      case                 | niveau          | reason
      ${'a missing level'} | ${''}           | ${/no level \(Nomenclature_Europe_Niveau is empty\)/}
      ${'an old level'}    | ${'NIVEAU III'} | ${/level "NIVEAU III" is not NIV1 to NIV8/}
    `('rejects $case, since a certification needs one', ({ niveau, reason }) => {
      const result = mapRncpFiche(fiche({ standard: [standard({ niveau })] }), today);
      expect(result).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(reason) });
    });

    it('rejects a fiche without bloc or without certifier, saying why', () => {
      expect(mapRncpFiche(fiche({ blocs: [] }), today)).toMatchObject({
        outcome: 'rejected',
        reason: expect.stringMatching(/no bloc/),
      });
      expect(mapRncpFiche(fiche({ certifiers: [] }), today)).toMatchObject({
        outcome: 'rejected',
        reason: expect.stringMatching(/no certifier/),
      });
    });

    it('flags rows of a fiche absent from Standard, and imports nothing of it', () => {
      const result = mapRncpFiche(fiche({ code: 'RNCP99999', standard: [] }), today);
      expect(result.outcome).toBe('absent');
      expect(messages(result)).toContain(
        'Blocs_De_Compétences: rows for RNCP99999, a fiche absent from Standard; ignored',
      );
    });

    it('flags duplicated rows and keeps one of each', () => {
      const bloc = { code: 'RNCP36912BC01', title: 'Piloter un projet de développement' };
      const result = mapped(
        mapRncpFiche(
          fiche({
            standard: [standard(), standard()],
            blocs: [bloc, bloc],
            romeCodes: ['M1805', 'M1805'],
            certifiers: [
              { siret: '49386136300080', name: 'OPENCLASSROOMS' },
              { siret: '49386136300080', name: 'OPENCLASSROOMS' },
            ],
          }),
          today,
        ),
      );
      expect(result.draft.components).toHaveLength(1);
      expect(result.draft.romeCodes).toEqual(['M1805']);
      expect(messages(result)).toEqual([
        'Standard: 2 identical rows; one kept',
        'certifier: 1 duplicated row(s) ignored',
        'blocs: 1 duplicated row(s) ignored',
        'romeCodes: 1 duplicated row(s) ignored',
      ]);
    });

    it('keeps one certifier of several, flags it and notes the others', () => {
      const result = mapped(
        mapRncpFiche(
          fiche({
            certifiers: [
              { siret: '49386136300080', name: 'OPENCLASSROOMS' },
              { siret: '1234', name: 'ÉCOLE PARTENAIRE' },
            ],
          }),
          today,
        ),
      );
      expect(result.draft.certifier).toEqual({ name: 'OPENCLASSROOMS', siret: '49386136300080' });
      expect(messages(result)).toEqual([
        'certifier.siret: "1234" is not a SIRET of 14 digits; left empty',
        'certifier: the export names 2 certifiers; a certification keeps one: OPENCLASSROOMS is kept, ÉCOLE PARTENAIRE noted in notes',
      ]);
      expect(result.draft.notes).toContain(
        'Autres certificateurs selon le RNCP : ÉCOLE PARTENAIRE.',
      );
    });

    it('leaves out codes that are not codes, with a flag', () => {
      const result = mapped(
        mapRncpFiche(fiche({ romeCodes: ['m1805', 'Développeur'], formacodes: ['3105'] }), today),
      );
      expect(result.draft.romeCodes).toEqual(['M1805']);
      expect(result.draft.formacodes).toEqual([]);
      expect(messages(result)).toEqual([
        'romeCodes: "Développeur" is not a code like M1805; left out',
        'formacodes: "3105" is not a code like 31057; left out',
      ]);
    });

    it('links versions as revisions without inventing bloc correspondences', () => {
      const result = mapped(
        mapRncpFiche(
          fiche({
            links: [
              { older: 'RNCP31678', newer: '' },
              { older: '', newer: 'RNCP39999' },
            ],
          }),
          today,
        ),
      );
      expect(result.links).toEqual([
        { older: 'RNCP31678', newer: 'RNCP36912' },
        { older: 'RNCP36912', newer: 'RNCP39999' },
      ]);
      expect(messages(result)).toEqual([
        'revises: RNCP31678 → RNCP36912: the export gives no correspondence between their blocs; none is recorded',
        'revisedBy: RNCP36912 → RNCP39999: the export gives no correspondence between their blocs; none is recorded',
      ]);
    });
  });
});

describe('rncpPartOf', () => {
  it.each`
    file                                                                      | part
    ${'export_fiches_CSV_Standard_2024_01_15.csv'}                            | ${'standard'}
    ${'export_fiches_CSV_Blocs_De_Compétences_2024_01_15.csv'}                | ${'blocs_de_competences'}
    ${'EXPORT_FICHES_CSV_BLOCS_DE_COMPETENCES_2025_12_01.CSV'}                | ${'blocs_de_competences'}
    ${'dir/export_fiches_CSV_Ancienne_Nouvelle_Certification_2024_01_15.csv'} | ${'ancienne_nouvelle_certification'}
    ${'export_fiches_CSV_Partenaires_2024_01_15.csv'}                         | ${null}
  `('$file → $part', ({ file, part }) => {
    expect(rncpPartOf(file).part).toBe(part);
  });
});
