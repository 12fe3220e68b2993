import { Conflict } from '@certif/platform-errors';

/**
 * Failures that say nothing about the message: the database or the broker is away, or two
 * transactions collided. They pass by themselves, so a consumer waits them out (retrying with
 * capped backoff for as long as they last) instead of dead-lettering a fact that is fine.
 */

/** mysql2/Node error codes of a connection that is gone or cannot be made. */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_CLIENT_INTERACTION_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/**
 * MySQL/MariaDB errnos: 1040 too many connections, 1053 server shutdown, 1205 lock wait timeout,
 * 1213 deadlock, 1317 query interrupted, 2002/2003/2006/2013 cannot connect or connection lost,
 * 4031 client idle timeout, 1927 connection killed (MariaDB).
 */
const transientErrnos = new Set([1040, 1053, 1205, 1213, 1317, 1927, 2002, 2003, 2006, 2013, 4031]);

/** kafkajs errors of a broker that cannot be reached or is not ready. */
const transientKafkaErrors = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSNumberOfRetriesExceeded',
]);

/** Messages of pools and drivers that carry no code (mysql2 "Pool is closed" while reconnecting…). */
const transientMessages = [
  /connection lost/i,
  /connection is in closed state/i,
  /can't add new command when connection is in closed state/i,
  /could not connect to kafka/i,
  /broker .*(not available|unavailable)/i,
  /lock wait timeout/i,
  /deadlock found/i,
];

/** True when retrying later can succeed without anyone changing the message or the code. */
export function isTransientError(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const candidate = error as {
    code?: unknown;
    errno?: unknown;
    name?: unknown;
    message?: unknown;
    retriable?: unknown;
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
  };
  if (typeof candidate.code === 'string' && connectionCodes.has(candidate.code)) return true;
  if (typeof candidate.errno === 'number' && transientErrnos.has(candidate.errno)) return true;
  if (typeof candidate.name === 'string' && transientKafkaErrors.has(candidate.name)) return true;
  if (typeof candidate.name === 'string' && candidate.name.startsWith('KafkaJS')) {
    if (candidate.retriable === true) return true;
  }
  if (
    typeof candidate.message === 'string' &&
    transientMessages.some((pattern) => pattern.test(candidate.message as string))
  ) {
    return true;
  }
  return [candidate.driverError, candidate.cause, candidate.originalError].some((inner) =>
    isTransientError(inner, depth + 1),
  );
}

/**
 * A refusal by a domain rule (the contract's BAD_USER_INPUT or FORBIDDEN, as `@certif/platform-errors`
 * throws them): the same event will be refused every time, so it is dead-lettered at once.
 * NOT_FOUND is not one: it may only mean that the referenced fact has not arrived yet. Nor is a
 * `Conflict` (a BAD_USER_INPUT too): another transaction changed the same thing first, and
 * handling the event again sees its result, so it is retried.
 */
export function isRuleRefusal(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof Conflict) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'BAD_USER_INPUT' || code === 'FORBIDDEN';
}
