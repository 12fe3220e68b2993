import type { RegistrationDraft } from './candidate';
import { validateRegistration } from './candidate-registration';
import { refusalOf } from './testing';

const today = '2026-11-22';

function draft(overrides: Partial<RegistrationDraft> = {}): RegistrationDraft {
  return {
    firstName: 'Léa',
    lastName: 'Martin',
    birthDate: '1995-04-12',
    email: 'lea.martin@example.fr',
    accommodations: [],
    sex: null,
    birthName: null,
    birthPlace: null,
    ...overrides,
  };
}

const lyon = {
  inseeCode: '69123',
  postalCode: '69001',
  city: 'Lyon',
  countryCode: 'FRA',
  country: 'France',
};

/** The table rows' check: the draft changed by `change` is refused, naming `field`. */
function refusesNamingTheField(row: {
  change: Partial<RegistrationDraft>;
  field: string;
  message: RegExp;
}): void {
  const { change, field, message } = row;
  const error = refusalOf(() => validateRegistration(draft(change), today));
  expect(error.field).toBe(field);
  expect(error.message).toMatch(message);
}

/** The table rows' check: the draft changed by `change` is accepted. */
function accepts({ change }: { change: Partial<RegistrationDraft> }): void {
  expect(() => validateRegistration(draft(change), today)).not.toThrow();
}

describe('validateRegistration', () => {
  it('trims names and accommodations and lower-cases the email', () => {
    const registered = validateRegistration(
      draft({
        firstName: '  Léa ',
        lastName: ' Martin',
        email: ' Lea.Martin@Example.FR ',
        accommodations: [' tiers-temps '],
      }),
      today,
    );
    expect(registered).toEqual({
      firstName: 'Léa',
      lastName: 'Martin',
      birthDate: '1995-04-12',
      email: 'lea.martin@example.fr',
      accommodations: ['tiers-temps'],
      sex: null,
      birthName: null,
      birthPlace: null,
    });
  });

  describe("the register's data (sex, birth name, birth place)", () => {
    it('trims them, upper-cases the codes and drops blank parts', () => {
      const registered = validateRegistration(
        draft({
          sex: 'F',
          birthName: ' Durand ',
          birthPlace: {
            inseeCode: ' 2a004 ',
            postalCode: '',
            city: ' Ajaccio ',
            countryCode: 'fra',
            country: null,
          },
        }),
        today,
      );
      expect(registered).toMatchObject({
        sex: 'F',
        birthName: 'Durand',
        birthPlace: {
          inseeCode: '2A004',
          postalCode: null,
          city: 'Ajaccio',
          countryCode: 'FRA',
          country: null,
        },
      });
    });

    it('keeps no birth name equal to the last name, and no birth place made of blanks', () => {
      const registered = validateRegistration(
        draft({
          birthName: 'Martin',
          birthPlace: {
            inseeCode: ' ',
            postalCode: null,
            city: '',
            countryCode: null,
            country: null,
          },
        }),
        today,
      );
      expect(registered).toMatchObject({ birthName: null, birthPlace: null });
    });

    it.each`
      case                             | change                                                   | field                             | message
      ${'a sex other than F or M'}     | ${{ sex: 'X' }}                                          | ${'input.sex'}                    | ${/must be F or M/}
      ${'an INSEE code of 4 chars'}    | ${{ birthPlace: { ...lyon, inseeCode: '6912' } }}        | ${'input.birthPlace.inseeCode'}   | ${/INSEE commune code is 5 characters/}
      ${'an INSEE code of 6 chars'}    | ${{ birthPlace: { ...lyon, inseeCode: '691230' } }}      | ${'input.birthPlace.inseeCode'}   | ${/INSEE commune code is 5 characters/}
      ${'an INSEE code with letters'}  | ${{ birthPlace: { ...lyon, inseeCode: '69A23' } }}       | ${'input.birthPlace.inseeCode'}   | ${/INSEE commune code is 5 characters/}
      ${'a postal code of 10 chars'}   | ${{ birthPlace: { ...lyon, postalCode: '1234567890' } }} | ${'input.birthPlace.postalCode'}  | ${/1 to 9/}
      ${'a country code of 2 letters'} | ${{ birthPlace: { ...lyon, countryCode: 'FR' } }}        | ${'input.birthPlace.countryCode'} | ${/3 characters/}
      ${'a city of 61 characters'}     | ${{ birthPlace: { ...lyon, city: 'x'.repeat(61) } }}     | ${'input.birthPlace.city'}        | ${/at most 60 characters; got 61/}
      ${'a birth name of 101 chars'}   | ${{ birthName: 'x'.repeat(101) }}                        | ${'input.birthName'}              | ${/at most 100 characters/}
    `('refuses $case, naming the field', refusesNamingTheField);

    it.each`
      case                                  | change
      ${'a commune of Corsica'}             | ${{ birthPlace: { ...lyon, inseeCode: '2B033' } }}
      ${'born abroad (INSEE country code)'} | ${{ birthPlace: { inseeCode: '99134', postalCode: null, city: 'Madrid', countryCode: 'ESP', country: 'Espagne' } }}
      ${'a postal code only'}               | ${{ birthPlace: { ...lyon, inseeCode: null } }}
      ${'M'}                                | ${{ sex: 'M' }}
    `('accepts $case', accepts);
  });

  it('takes a blank optional email or birth date as not given', () => {
    expect(validateRegistration(draft({ email: '  ', birthDate: null }), today)).toMatchObject({
      email: null,
      birthDate: null,
    });
  });

  it.each`
    case                                | birthDate       | today           | accepted
    ${'15 on the day of registration'}  | ${'2010-06-15'} | ${'2025-06-15'} | ${true}
    ${'15 tomorrow'}                    | ${'2010-06-15'} | ${'2025-06-14'} | ${false}
    ${'born 29 Feb, 15 on 1 March'}     | ${'2008-02-29'} | ${'2023-03-01'} | ${true}
    ${'born 29 Feb, 28 Feb of year 15'} | ${'2008-02-29'} | ${'2023-02-28'} | ${false}
    ${'born today'}                     | ${'2025-06-15'} | ${'2025-06-15'} | ${false}
    ${'an adult'}                       | ${'1970-01-01'} | ${'2025-06-15'} | ${true}
  `(
    'age on the day of registration: $case → accepted $accepted',
    ({ birthDate, today: on, accepted }) => {
      const work = () => validateRegistration(draft({ birthDate }), on);
      if (accepted) expect(work).not.toThrow();
      else expect(refusalOf(work).message).toMatch(/must be at least 15/);
    },
  );

  it.each`
    case                               | change                                                               | field                        | message
    ${'an empty first name'}           | ${{ firstName: '   ' }}                                              | ${'input.firstName'}         | ${/must not be empty/}
    ${'an empty last name'}            | ${{ lastName: '' }}                                                  | ${'input.lastName'}          | ${/must not be empty/}
    ${'a last name of 101 characters'} | ${{ lastName: 'x'.repeat(101) }}                                     | ${'input.lastName'}          | ${/at most 100 characters; got 101/}
    ${'a name with a control char'}    | ${{ firstName: 'Léa\u0007' }}                                        | ${'input.firstName'}         | ${/control characters/}
    ${'a birth date tomorrow'}         | ${{ birthDate: '2026-11-23' }}                                       | ${'input.birthDate'}         | ${/in the future/}
    ${'an impossible birth date'}      | ${{ birthDate: '2001-02-29' }}                                       | ${'input.birthDate'}         | ${/not a real date/}
    ${'an email without @'}            | ${{ email: 'lea.martin.example.fr' }}                                | ${'input.email'}             | ${/not a well-formed email/}
    ${'an email without domain dot'}   | ${{ email: 'lea@localhost' }}                                        | ${'input.email'}             | ${/not a well-formed email/}
    ${'an email with a space'}         | ${{ email: 'lea martin@example.fr' }}                                | ${'input.email'}             | ${/not a well-formed email/}
    ${'an email with two @'}           | ${{ email: 'lea@@example.fr' }}                                      | ${'input.email'}             | ${/not a well-formed email/}
    ${'an empty accommodation'}        | ${{ accommodations: ['tiers-temps', ' '] }}                          | ${'input.accommodations[1]'} | ${/must not be empty/}
    ${'an accommodation of 201 chars'} | ${{ accommodations: ['x'.repeat(201)] }}                             | ${'input.accommodations[0]'} | ${/at most 200 characters/}
    ${'11 accommodations'}             | ${{ accommodations: Array.from({ length: 11 }, (_, i) => `a${i}`) }} | ${'input.accommodations'}    | ${/at most 10 accommodations; got 11/}
  `('refuses $case, naming the field', refusesNamingTheField);

  it.each`
    case                                 | change
    ${'a name of exactly 100'}           | ${{ lastName: 'x'.repeat(100) }}
    ${'an accommodation of exactly 200'} | ${{ accommodations: ['x'.repeat(200)] }}
    ${'exactly 10 accommodations'}       | ${{ accommodations: Array.from({ length: 10 }, (_, i) => `a${i}`) }}
    ${'a hyphenated sub-domain'}         | ${{ email: 'jean-luc.o-neil@mail.centre-afpa.fr' }}
    ${'a plus address'}                  | ${{ email: 'lea+vae@example.com' }}
  `('accepts $case', accepts);

  it('reports every problem in one refusal', () => {
    const error = refusalOf(() =>
      validateRegistration(draft({ firstName: '', birthDate: '2030-01-01', email: 'nope' }), today),
    );
    expect(error.field).toBe('input.firstName');
    expect(error.message).toMatch(/input\.firstName: .*; input\.birthDate: .*; input\.email: /);
  });
});
