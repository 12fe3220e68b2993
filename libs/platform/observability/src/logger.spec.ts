import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from './logger';

/** A logger whose lines are kept for the test to read. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ service: 'test', destination }), lines };
}

/** What TypeORM throws when MariaDB refuses an INSERT of a candidate (mysql2's error inside). */
function duplicateCandidate(): QueryFailedError {
  const driverError = Object.assign(
    new Error("Duplicate entry 'alice.martin@example.org' for key 'IDX_candidate_email'"),
    {
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
      sqlMessage: "Duplicate entry 'alice.martin@example.org' for key 'IDX_candidate_email'",
      sql: "INSERT INTO `candidate` VALUES ('c-1', 'Alice', 'Martin', '1990-04-12', 'alice.martin@example.org')",
    },
  );
  return new QueryFailedError(
    'INSERT INTO `candidate`(`id`, `first_name`, `last_name`, `birth_date`, `email`) VALUES (?, ?, ?, ?, ?)',
    ['c-1', 'Alice', 'Martin', '1990-04-12', 'alice.martin@example.org'],
    driverError,
  );
}

describe('logs carry no personal data', () => {
  it('a failed query is logged with its class and code, without SQL, parameters or values', () => {
    const { logger, lines } = capturedLogger();
    logger.error({ err: duplicateCandidate(), requestId: 'r-1' }, 'unexpected error');
    const line = lines.join('');
    expect(line).not.toMatch(/alice|martin|1990-04-12/i);
    expect(line).not.toContain('@');
    const entry = JSON.parse(line) as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({
      type: 'QueryFailedError',
      code: 'ER_DUP_ENTRY',
      errno: 1062,
    });
    expect(entry.err['message']).toBe("Duplicate entry '?' for key '?'");
    expect(entry.err).not.toHaveProperty('parameters');
    expect(entry.err).not.toHaveProperty('query');
    expect(entry.err).not.toHaveProperty('driverError');
  });

  it('the same error as the cause of another is scrubbed too', () => {
    const { logger, lines } = capturedLogger();
    logger.error({ err: new Error('event handler failed', { cause: duplicateCandidate() }) }, 'x');
    expect(lines.join('')).not.toMatch(/alice|1990-04-12/i);
  });

  it.each([
    ['a message', (l: ReturnType<typeof createLogger>) => l.info('sent to bob@example.fr')],
    ['a field', (l: ReturnType<typeof createLogger>) => l.warn({ to: 'bob@example.fr' }, 'mail')],
    [
      'an error',
      (l: ReturnType<typeof createLogger>) => l.error({ err: new Error('bob@example.fr') }),
    ],
  ])('no email address reaches a line, even in %s', (_, log) => {
    const { logger, lines } = capturedLogger();
    log(logger);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('bob@example.fr');
    expect(lines[0]).toContain('[email]');
  });
});
