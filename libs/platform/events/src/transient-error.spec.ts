import { QueryFailedError } from 'typeorm';
import { isRuleRefusal, isTransientError } from './transient-error';
import { Conflict } from '@certif/platform-errors';

const withCode = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

describe('isTransientError: failures a consumer waits out', () => {
  it.each([
    ['connection lost', withCode('Connection lost', { code: 'PROTOCOL_CONNECTION_LOST' })],
    ['server refused the connection', withCode('connect ECONNREFUSED', { code: 'ECONNREFUSED' })],
    ['deadlock', withCode('Deadlock found when trying to get lock', { errno: 1213 })],
    ['lock wait timeout', withCode('Lock wait timeout exceeded', { code: 'ER_LOCK_WAIT_TIMEOUT' })],
    ['server shutting down', withCode('Server shutdown in progress', { errno: 1053 })],
    [
      'a TypeORM query failure wrapping a lost connection',
      new QueryFailedError('SELECT 1', [], withCode('gone', { code: 'ECONNRESET' })),
    ],
    ['broker unreachable', withCode('Connection error', { name: 'KafkaJSConnectionError' })],
    ['a closed pool', new Error("Can't add new command when connection is in closed state")],
  ])('%s', (_name, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a duplicate key', withCode('Duplicate entry', { code: 'ER_DUP_ENTRY', errno: 1062 })],
    ['not an error', 'connection lost'],
  ])('not %s', (_name, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});

describe('isRuleRefusal: failures dead-lettered at once', () => {
  it('a BAD_USER_INPUT or FORBIDDEN domain error', () => {
    expect(isRuleRefusal(withCode('R5', { code: 'BAD_USER_INPUT' }))).toBe(true);
    expect(isRuleRefusal(withCode('not yours', { code: 'FORBIDDEN' }))).toBe(true);
  });
  it('not NOT_FOUND: the fact it refers to may still be on its way', () => {
    expect(isRuleRefusal(withCode('No certification', { code: 'NOT_FOUND' }))).toBe(false);
  });
  it('not a Conflict: another transaction changed the same thing first, a retry sees it', () => {
    const conflict = new Conflict('livret 1 was changed by another transaction meanwhile');
    expect(conflict.code).toBe('BAD_USER_INPUT');
    expect(isRuleRefusal(conflict)).toBe(false);
  });
});
