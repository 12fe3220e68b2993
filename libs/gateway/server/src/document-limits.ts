import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  GraphQLSchema,
  Kind,
  parse,
  TypeInfo,
  ValidationContext,
  visit,
  visitInParallel,
  type ASTVisitor,
  type DocumentNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@certif/platform-graphql';

/**
 * What one request may ask of the gateway. The contract's operations fit in a quarter of each
 * (half the depth) with pages of 100 (document-limits.spec.ts); README "Security" lists them.
 */
export interface DocumentLimits {
  /** Lexical tokens of a document; parsing stops past it. */
  maxTokens: number;
  /** Nested selections, fragments flattened (a fragment adds no level of its own). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** graphql-armor cost: objects 2, scalars 1, ×1.5 per level, × `first` on a connection. */
  maxCost: number;
  /** Operations in one batched (array) request. */
  maxBatch: number;
  /** Items in any list the request sends, in variables or written in the document. */
  maxListItems: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxTokens: 1000,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxCost: 40_000,
  maxBatch: 5,
  maxListItems: 1000,
};

/** The armor rules only read the document and its fragments: no schema is needed to run them. */
const NO_SCHEMA = new GraphQLSchema({});

function armorRules(limits: DocumentLimits) {
  const report = [
    (context: ValidationContext | null, error: GraphQLError) => {
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
    },
  ];
  // propagateOnRejection would throw out of validation (a 500 in Apollo): report instead.
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: report };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true }),
    maxAliasesRule({ ...common, n: limits.maxAliases }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives }),
    costLimitRule({ ...common, maxCost: limits.maxCost, flattenFragments: true }),
  ];
}

/** The page size the cost rule counts for a `first`/`last` variable's value. */
function pageSize(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value)
    ? Math.min(Math.max(value, 1), MAX_PAGE_SIZE)
    : DEFAULT_PAGE_SIZE;
}

/**
 * The cost rule multiplies a connection's cost by a literal `first`; written `first: $first`
 * (as the contract's operations are), the variable's value is put in its place, and the
 * default page size when it is omitted.
 */
function withPageSizesInlined(document: DocumentNode, variables: Record<string, unknown>) {
  return visit(document, {
    Argument(node) {
      if (
        (node.name.value !== 'first' && node.name.value !== 'last') ||
        node.value.kind !== Kind.VARIABLE
      )
        return undefined;
      const size = pageSize(variables[node.value.name.value]);
      return { ...node, value: { kind: Kind.INT, value: String(size) } };
    },
  });
}

/** Iterative: variables nested thousands deep must not overflow the stack (a 500). */
function longestList(value: unknown): number {
  let longest = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) {
      longest = Math.max(longest, next.length);
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const item of Object.values(next)) pending.push(item);
    }
  }
  return longest;
}

function longestLiteralList(document: DocumentNode): number {
  let longest = 0;
  visit(document, {
    ListValue(node: { values: readonly ValueNode[] }) {
      longest = Math.max(longest, node.values.length);
    },
  });
  return longest;
}

const problem = (message: string) => new GraphQLError(message);

/**
 * The limits of one operation, checked before Apollo parses, validates or plans anything:
 * parsing itself stops past `maxTokens`, and every rule is linear in the document (fragments
 * are measured once, cycles and unknown spreads are left to GraphQL's own validation).
 * A document that does not parse is left to Apollo (GRAPHQL_PARSE_FAILED).
 */
export function documentProblems(
  source: unknown,
  variables: unknown,
  limits: DocumentLimits,
): GraphQLError[] {
  if (typeof source !== 'string') return [];
  const vars =
    variables !== null && typeof variables === 'object'
      ? (variables as Record<string, unknown>)
      : {};
  const measured = measuredDocument(source, limits);
  if (measured.kind === 'too many tokens') {
    return [problem(`The document has more than ${limits.maxTokens} tokens; send a shorter one`)];
  }
  if (measured.kind === 'unparsable') return [];
  const listItems = Math.max(longestList(vars), measured.longestLiteralList);
  if (listItems > limits.maxListItems) {
    return [
      problem(
        `A list of ${listItems} items exceeds the limit of ${limits.maxListItems}; send it in several requests`,
      ),
    ];
  }
  // The rules' verdict depends on the document and the page sizes its variables give: remembered
  // for both (the same few operations come again and again).
  const sizes = measured.pageVariables.map((name) => pageSize(vars[name]));
  const key = sizes.join(',');
  const known = measured.verdicts.get(key);
  if (known) return known;
  const inlined = withPageSizesInlined(measured.document, vars);
  const errors: GraphQLError[] = [];
  const context = new ValidationContext(NO_SCHEMA, inlined, new TypeInfo(NO_SCHEMA), (e) =>
    errors.push(e),
  );
  visit(inlined, visitInParallel(armorRules(limits).map((rule) => rule(context) as ASTVisitor)));
  if (measured.verdicts.size < MAX_VERDICTS_PER_DOCUMENT) measured.verdicts.set(key, errors);
  return errors;
}

type MeasuredDocument =
  | { kind: 'too many tokens' }
  | { kind: 'unparsable' }
  | {
      kind: 'parsed';
      document: DocumentNode;
      longestLiteralList: number;
      /** Variables given as `first`/`last` of a connection, in document order. */
      pageVariables: string[];
      /** The rules' errors by page sizes of those variables. */
      verdicts: Map<string, GraphQLError[]>;
    };

/**
 * Parsed documents, by text and limits, least recently used forgotten first: parsing and
 * measuring every request was 8 % of the gateway's CPU under load (npm run bench). Documents
 * larger than `CACHED_DOCUMENT_CHARS` (the contract's largest is under 1 kB) are measured every
 * time, so the cache holds at most `CACHED_DOCUMENTS` × that many characters.
 */
const CACHED_DOCUMENTS = 500;
const CACHED_DOCUMENT_CHARS = 8_000;
const MAX_VERDICTS_PER_DOCUMENT = 16;
const measuredDocuments = new Map<string, MeasuredDocument>();
const limitsIds = new WeakMap<DocumentLimits, string>();

function measuredDocument(source: string, limits: DocumentLimits): MeasuredDocument {
  let limitsId = limitsIds.get(limits);
  if (!limitsId) {
    limitsId = JSON.stringify(limits);
    limitsIds.set(limits, limitsId);
  }
  const cacheable = source.length <= CACHED_DOCUMENT_CHARS;
  const key = `${limitsId}\n${source}`;
  const known = cacheable ? measuredDocuments.get(key) : undefined;
  if (known) {
    measuredDocuments.delete(key);
    measuredDocuments.set(key, known);
    return known;
  }
  const measured = measure(source, limits);
  if (cacheable) {
    measuredDocuments.set(key, measured);
    if (measuredDocuments.size > CACHED_DOCUMENTS) {
      measuredDocuments.delete(measuredDocuments.keys().next().value as string);
    }
  }
  return measured;
}

function measure(source: string, limits: DocumentLimits): MeasuredDocument {
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    if (
      error instanceof GraphQLError &&
      /contains more th(?:at|an) \d+ tokens/.test(error.message)
    ) {
      return { kind: 'too many tokens' };
    }
    return { kind: 'unparsable' };
  }
  const pageVariables: string[] = [];
  visit(document, {
    Argument(node) {
      if (
        (node.name.value === 'first' || node.name.value === 'last') &&
        node.value.kind === Kind.VARIABLE
      )
        pageVariables.push(node.value.name.value);
    },
  });
  return {
    kind: 'parsed',
    document,
    longestLiteralList: longestLiteralList(document),
    pageVariables,
    verdicts: new Map(),
  };
}

/** A request body (one operation, or a batch) → the problems that refuse it. */
export function requestProblems(body: unknown, limits: DocumentLimits): GraphQLError[] {
  const operations = Array.isArray(body) ? body : [body];
  if (operations.length > limits.maxBatch) {
    return [
      problem(
        `A batch of ${operations.length} operations exceeds the limit of ${limits.maxBatch}; send fewer at once`,
      ),
    ];
  }
  return operations.flatMap((operation: unknown) => {
    if (operation === null || typeof operation !== 'object') return [];
    const { query, variables } = operation as { query?: unknown; variables?: unknown };
    return documentProblems(query, parseVariables(variables), limits);
  });
}

/** GET requests carry variables as a JSON string. */
function parseVariables(variables: unknown): unknown {
  if (typeof variables !== 'string') return variables;
  try {
    return JSON.parse(variables) as unknown;
  } catch {
    return null;
  }
}
