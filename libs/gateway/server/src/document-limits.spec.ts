import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getIntrospectionQuery, Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import {
  DEFAULT_DOCUMENT_LIMITS,
  documentProblems,
  requestProblems,
  type DocumentLimits,
} from './document-limits';

const CONTRACT = resolve(__dirname, '../../../../../shared/contract');

function operationsOf(file: string): [string, string][] {
  const document = parse(readFileSync(resolve(CONTRACT, file), 'utf8'));
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => [d.name?.value ?? '?', print(d)]);
}

const contract = [
  ...operationsOf('operations.graphql'),
  ...operationsOf('operations.next.graphql'),
];

/** The attacks of issue 12, each sent anonymously. */
function exponentialFragments(count: number): string {
  let source = 'query { ...F0 }\n';
  for (let i = 0; i < count; i += 1)
    source += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  return `${source}fragment F${count} on Query { certifications { totalCount } }\n`;
}

const aliasedCertifications = `{ ${Array.from(
  { length: 300 },
  (_, i) => `a${i}: certifications(first: 100) { edges { node { id code title } } }`,
).join(' ')} }`;

const problems = (source: string, variables: unknown = {}, limits = DEFAULT_DOCUMENT_LIMITS) =>
  documentProblems(source, variables, limits).map((e) => e.message);

describe('document limits', () => {
  describe("the contract's operations pass with room to spare", () => {
    // Each limit divided by 4 still lets every operation through, with the largest pages.
    const tight: DocumentLimits = {
      ...DEFAULT_DOCUMENT_LIMITS,
      maxTokens: DEFAULT_DOCUMENT_LIMITS.maxTokens / 4,
      maxDepth: Math.floor(DEFAULT_DOCUMENT_LIMITS.maxDepth / 2),
      maxAliases: 0,
      maxDirectives: 0,
      maxCost: DEFAULT_DOCUMENT_LIMITS.maxCost / 4,
    };
    it.each(contract)('%s', (_, source) => {
      expect(problems(source, { first: 100 }, tight)).toEqual([]);
    });
  });

  it("lets development tools' full introspection query through", () => {
    expect(problems(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }))).toEqual(
      [],
    );
  });

  it.each([
    [
      'a fragment cycle',
      'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    ],
    ['a spread of an unknown fragment', 'query { ...Nope }'],
  ])('leaves %s to GraphQL validation, without throwing', (_, source) => {
    expect(problems(source)).toEqual([]);
  });

  it('measures 1 KB of fragments spreading the next one twice in milliseconds', () => {
    const source = exponentialFragments(24);
    expect(source.length).toBeLessThan(1100);
    expect(problems(source).join()).toMatch(/Query Cost limit of 40000 exceeded/);
    // Twice as many fragments: 2^24 times the work if fragments were expanded; linear here.
    const started = performance.now();
    problems(exponentialFragments(48), {}, { ...DEFAULT_DOCUMENT_LIMITS, maxTokens: 5000 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['300 aliased certifications(first: 100) (issue 12: 4.2 MB)', aliasedCertifications, /tokens/],
    [
      '16 aliases',
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: certifications { totalCount }`).join(' ')} }`,
      /Aliases limit of 15 exceeded/,
    ],
    [
      'a query 12 levels deep',
      `{ certification(code: "TP-CDA") { ${'revises { '.repeat(11)}code${' }'.repeat(11)} } }`,
      /Query depth limit of 10 exceeded/,
    ],
    [
      '21 directives',
      `{ certifications { totalCount ${'@include(if: true) '.repeat(21)} } }`,
      /Directives limit of 20 exceeded/,
    ],
    [
      'eight pages of 100 certifications with their components',
      `{ ${Array.from(
        { length: 8 },
        (_, i) =>
          `p${i}: certifications(first: 100) { totalCount edges { cursor node { id code title level status capitalizationRule components { id code title kind position } } } }`,
      ).join(' ')} }`,
      /Query Cost limit of 40000 exceeded/,
    ],
    ['more than 1,000 tokens', `{ ${'__typename '.repeat(1001)} }`, /more than 1000 tokens/],
  ])('refuses %s', (_, source, reason) => {
    expect(problems(source).join('\n')).toMatch(reason);
  });

  it('counts `first: $first` at the value sent, so the cost follows the page size', () => {
    const source =
      operationsOf('operations.graphql').find(([n]) => n === 'Certifications')?.[1] ?? '';
    const limits = { ...DEFAULT_DOCUMENT_LIMITS, maxCost: 2000 };
    expect(problems(source, { first: 5 }, limits)).toEqual([]);
    expect(problems(source, { first: 100 }, limits).join()).toMatch(/Cost limit of 2000/);
  });

  it('refuses a list longer than the limit, written in the document', () => {
    const limits = { ...DEFAULT_DOCUMENT_LIMITS, maxListItems: 10 };
    const source = `mutation { planSession(input: { certificationId: "c", scope: COMPONENTS, componentIds: [${'"x" '.repeat(11)}], center: "Lyon", startsOn: "2026-01-01", endsOn: "2026-01-02" }) { id } }`;
    expect(problems(source, {}, limits).join()).toMatch(/list of 11 items exceeds the limit of 10/);
  });

  it('refuses a list of more than 1,000 items in the variables', () => {
    const decisions = Array.from({ length: 1001 }, () => ({ registrationId: 'r' }));
    expect(
      problems(
        'mutation($d: [DecisionInput!]!) { recordDeliberation(sessionId: "s", decisions: $d) { id } }',
        { d: decisions },
      ).join(),
    ).toMatch(/list of 1001 items exceeds the limit of 1000/);
  });

  it('measures variables nested 50,000 deep without overflowing the stack', () => {
    let nested: unknown = [];
    for (let i = 0; i < 50_000; i += 1) nested = [nested];
    expect(problems('query($v: JSON) { __typename }', { v: nested })).toEqual([]);
  });

  it('caps batches at 5 operations, each checked', () => {
    const one = { query: '{ __typename }' };
    expect(requestProblems(Array(5).fill(one), DEFAULT_DOCUMENT_LIMITS)).toEqual([]);
    expect(
      requestProblems(Array(6).fill(one), DEFAULT_DOCUMENT_LIMITS).map((e) => e.message),
    ).toEqual(['A batch of 6 operations exceeds the limit of 5; send fewer at once']);
    const batch = [one, { query: aliasedCertifications }];
    expect(
      requestProblems(batch, DEFAULT_DOCUMENT_LIMITS)
        .map((e) => e.message)
        .join(),
    ).toMatch(/tokens/);
  });
});

describe('document limits, measured once per document', () => {
  // A connection inside a connection: its cost grows with both page sizes.
  const nested =
    'query Q($first: Int) { certifications(first: $first) { edges { node { components { id code title } ' +
    'revises { components { id code title kind position competences } } } } } }';
  const tight = { ...DEFAULT_DOCUMENT_LIMITS, maxCost: 500 };

  it('gives the verdict of each page size, the same document coming again', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(problems(nested, { first: 1 }, tight)).toEqual([]);
      expect(problems(nested, { first: 100 }, tight)).toEqual([expect.stringMatching(/cost/i)]);
      expect(problems(nested, {}, tight).length).toBe(
        problems(nested, { first: 20 }, tight).length,
      );
    }
  });

  it('keeps each set of limits apart', () => {
    expect(problems(nested, { first: 100 }, tight)).not.toEqual([]);
    expect(problems(nested, { first: 100 })).toEqual([]);
  });
});
