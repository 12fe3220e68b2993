import {
  assertClosable,
  assertPublishable,
  validateCertificationDraft,
} from './certification-rules';
import { publishedFromDraft, refusal, sampleDraft } from './testing';

describe('validateCertificationDraft', () => {
  it('accepts a well-formed titre professionnel', () => {
    expect(() => validateCertificationDraft(sampleDraft())).not.toThrow();
  });

  it.each`
    case                                  | change                                                                                | field                        | message
    ${'level 9'}                          | ${{ level: 9 }}                                                                       | ${'level'}                   | ${/from 1 to 8.*got 9/}
    ${'level 0'}                          | ${{ level: 0 }}                                                                       | ${'level'}                   | ${/from 1 to 8/}
    ${'empty title'}                      | ${{ title: '  ' }}                                                                    | ${'title'}                   | ${/must not be empty/}
    ${'a code with spaces'}               | ${{ code: 'TP CDA' }}                                                                 | ${'code'}                    | ${/letters, digits/}
    ${'NSF "326 t" with a space'}         | ${{ nsfCodes: ['326 t'] }}                                                            | ${'nsfCodes[0]'}             | ${/e.g. 326t/}
    ${'a ROME code in lower case'}        | ${{ romeCodes: ['m1805'] }}                                                           | ${'romeCodes[0]'}            | ${/e.g. M1805/}
    ${'a SIRET of 13 digits'}             | ${{ certifier: { name: 'OC', siret: '4938613630008' } }}                              | ${'certifier.siret'}         | ${/14 digits/}
    ${'a CPF client id of 7 characters'}  | ${{ certifier: { name: 'OC', siret: null, cpfClientId: '1234567' } }}                 | ${'certifier.cpfClientId'}   | ${/client id is 8 letters or digits/}
    ${'a CPF contract id of 21 chars'}    | ${{ certifier: { name: 'OC', siret: null, cpfContractId: 'C'.repeat(21) } }}          | ${'certifier.cpfContractId'} | ${/contract id is 1 to 20/}
    ${'registration ending before start'} | ${{ registeredFrom: '2022-09-29', registeredUntil: '2020-01-01' }}                    | ${'registeredUntil'}         | ${/before registeredFrom/}
    ${'an impossible date'}               | ${{ registeredFrom: '2023-02-29' }}                                                   | ${'registeredFrom'}          | ${/not a date/}
    ${'no component'}                     | ${{ components: [] }}                                                                 | ${'components'}              | ${/at least one component/}
    ${'a bloc in a titre professionnel'}  | ${{ components: [{ code: 'X-BC01', title: 'Bloc', kind: 'BLOC', competences: [] }] }} | ${'components[0].kind'}      | ${/made of CCP components/}
  `('refuses $case, naming the field', ({ change, field, message }) => {
    const error = refusal(() => validateCertificationDraft(sampleDraft(change)));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('accepts the Caisse des Dépôts identifiers of 8 and up to 20 characters', () => {
    const certifier = {
      name: 'OC',
      siret: null,
      cpfClientId: 'AB12CD34',
      cpfContractId: 'MCFCER000123',
    };
    expect(() => validateCertificationDraft(sampleDraft({ certifier }))).not.toThrow();
  });

  it('refuses two components with one code', () => {
    const [first] = sampleDraft().components;
    const error = refusal(() =>
      validateCertificationDraft(sampleDraft({ components: [first!, { ...first! }] })),
    );
    expect(error.message).toMatch(
      /components\[1\]\.code: "TP-CDA-CCP1" is used by another component/,
    );
  });

  it('reports every problem in one refusal', () => {
    const error = refusal(() => validateCertificationDraft(sampleDraft({ level: 12, title: '' })));
    expect(error.message).toMatch(/title: .*; level: /);
  });
});

describe('publication and closure', () => {
  const today = '2026-11-22';

  it('publishes a draft once', () => {
    const draft = publishedFromDraft(sampleDraft(), { publishedAt: null });
    expect(() => assertPublishable(draft, today)).not.toThrow();
    const active = publishedFromDraft(sampleDraft());
    expect(refusal(() => assertPublishable(active, today)).message).toMatch(
      /already published \(status ACTIVE\)/,
    );
  });

  it.each`
    case                                         | overrides                            | closedOn        | message
    ${'a DRAFT'}                                 | ${{ publishedAt: null }}             | ${'2026-12-31'} | ${/never open/}
    ${'one already past its registration'}       | ${{ registeredUntil: '2025-09-29' }} | ${'2025-09-01'} | ${/already closed/}
    ${'on a date after the registration end'}    | ${{ registeredUntil: '2027-06-30' }} | ${'2027-07-01'} | ${/cannot extend/}
    ${'on a date before the registration start'} | ${{ registeredFrom: '2022-09-29' }}  | ${'2022-01-01'} | ${/before the registration start/}
  `('refuses to close $case', ({ overrides, closedOn, message }) => {
    const certification = publishedFromDraft(sampleDraft(), overrides);
    expect(refusal(() => assertClosable(certification, closedOn, today)).message).toMatch(message);
  });

  it('closes an active certification, in the past too (records taken over)', () => {
    const certification = publishedFromDraft(sampleDraft(), { registeredUntil: '2027-06-30' });
    expect(() => assertClosable(certification, '2026-12-31', today)).not.toThrow();
    expect(() => assertClosable(certification, '2020-01-01', today)).not.toThrow();
  });
});
