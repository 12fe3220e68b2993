import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { isLocalDate, type LocalDate } from '@certif/platform-calendar';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDate(value: unknown): LocalDate {
  if (typeof value !== 'string' || !isLocalDate(value)) {
    throw invalid(
      `Date must be a real calendar date written YYYY-MM-DD, e.g. 2024-06-30; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** `Date`: "YYYY-MM-DD", a calendar date with no time zone (LocalDate). */
export const DateScalar = new GraphQLScalarType<LocalDate, string>({
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD", with no time zone.',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('Date must be a string written YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid(
      `DateTime must be ISO 8601 with a zone, e.g. 2024-06-30T09:00:00Z; got ${JSON.stringify(value)}`,
    );
  }
  return new Date(value);
}

/** `DateTime`: an instant, ISO 8601 with zone; serialized in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with zone, e.g. 2024-06-30T09:00:00.000Z.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime must be an ISO 8601 string');
    return parseDateTime(ast.value);
  },
});

/** `JSON`: any JSON value (exportMyData). */
export const JSONScalar = JSONResolver;
