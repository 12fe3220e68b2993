import pino from 'pino';

/**
 * What a database driver or TypeORM attaches to an error and that holds the row's values:
 * TypeORM's QueryFailedError has `query` and `parameters`, its `driverError` has `sql` and
 * `sqlMessage`; mysql2's own errors have `sql`. None of it may reach a log line.
 */
const VALUE_CARRYING_KEYS = new Set(['parameters', 'query', 'sql', 'sqlMessage', 'driverError']);

/** MySQL quotes the offending value in its messages: "Duplicate entry 'a@b.fr' for key …". */
function withoutQuotedValues(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.|'')*'/g, "'?'").replace(/"(?:[^"\\]|\\.)*"/g, '"?"');
}

function isDatabaseError(error: Record<string, unknown>): boolean {
  return [...VALUE_CARRYING_KEYS].some((key) => key in error) || /^ER_/.test(String(error['code']));
}

type Serialized = Record<string, unknown>;

function scrub(serialized: Serialized, fromDatabase: boolean): Serialized {
  const clean: Serialized = {};
  for (const [key, value] of Object.entries(serialized)) {
    if (VALUE_CARRYING_KEYS.has(key)) continue;
    if (fromDatabase && (key === 'message' || key === 'stack') && typeof value === 'string') {
      clean[key] = withoutQuotedValues(value);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      clean[key] = scrub(value as Serialized, fromDatabase || isDatabaseError(value as Serialized));
    } else {
      clean[key] = value;
    }
  }
  return clean;
}

/**
 * pino's `err` serializer, minus what a failed query carries: the SQL, its parameters, and the
 * values MySQL quotes in its messages. The error's class, code and errno stay, to act on.
 */
export function safeErrorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Serialized;
  return scrub(serialized, isDatabaseError(error as unknown as Serialized));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** The last line of defence: an email address never reaches a log line, whatever logged it. */
export function maskEmails(line: string): string {
  return line.replace(EMAIL, '[email]');
}
