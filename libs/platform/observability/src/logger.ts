import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level?: string;
}

/**
 * JSON logs, one line per event, with the service name on every line. Authorization headers and
 * tokens are redacted: a log must never let someone replay a juror's credentials.
 */
export function createLogger({ service, level = 'info' }: LoggerOptions): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.token', 'token'],
      censor: '[redacted]',
    },
  });
}
