/**
 * The logging this library needs, shaped so that a pino logger fits as is: a message, or an
 * object of fields followed by a message.
 */
export interface EventLogger {
  error(obj: object | string, msg?: string, ...args: unknown[]): void;
  warn(obj: object | string, msg?: string, ...args: unknown[]): void;
  info(obj: object | string, msg?: string, ...args: unknown[]): void;
  debug(obj: object | string, msg?: string, ...args: unknown[]): void;
}

const ignore = (): void => undefined;

/** Drops everything; the default when a caller gives no logger. */
export const silentLogger: EventLogger = {
  error: ignore,
  warn: ignore,
  info: ignore,
  debug: ignore,
};

/** A readable error for logs and for the `last_error` / dead-letter columns. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
