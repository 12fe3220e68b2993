import pino, { type Logger } from 'pino';
import { maskEmails, safeErrorSerializer } from './safe-error';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where lines go (tests); standard output by default. */
  destination?: pino.DestinationStream;
}

/**
 * JSON logs, one line per event, with the service name on every line. Authorization headers and
 * tokens are redacted: a log must never let someone replay a juror's credentials.
 * Errors go through `safeErrorSerializer` and every line through `maskEmails`.
 */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.token', 'token'],
      censor: '[redacted]',
    },
    // Personal data stays out of logs: no SQL or query parameters from a failed query, and no
    // email address on any line (GDPR; README "Security").
    serializers: { err: safeErrorSerializer, error: safeErrorSerializer },
    hooks: { streamWrite: maskEmails },
  };
  return destination ? pino(options, destination) : pino(options);
}
