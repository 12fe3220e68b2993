import { Conflict, InputProblems, InvalidInput, NotFound } from './domain-error';

describe('domain errors', () => {
  it('InputProblems reports every problem at once, naming the first field', () => {
    const problems = new InputProblems()
      .check(false, 'level', 'must be between 1 and 8; got 9')
      .check(true, 'title', 'must not be empty')
      .add('code', 'already used by another certification');
    let thrown: unknown;
    try {
      problems.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInput);
    const invalid = thrown as InvalidInput;
    expect(invalid.code).toBe('BAD_USER_INPUT');
    expect(invalid.field).toBe('level');
    expect(invalid.message).toBe(
      'level: must be between 1 and 8; got 9; code: already used by another certification',
    );
  });

  it('InputProblems without problems does not throw', () => {
    expect(() => new InputProblems().check(true, 'x', 'never').throwIfAny()).not.toThrow();
  });

  it('NotFound names the entity and id', () => {
    const error = new NotFound('certification', 'abc');
    expect(error.message).toBe('No certification with id "abc"');
    expect(error.details()).toEqual({ entity: 'certification', id: 'abc' });
  });

  it('Conflict answers the contract code BAD_USER_INPUT and tells the client a retry may succeed', () => {
    const error = new Conflict('the session was changed meanwhile: read it again', 'sessionId');
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details()).toEqual({ field: 'sessionId', conflict: true });
    expect(new InvalidInput('a rule refuses').details()).not.toHaveProperty('conflict');
  });

  it('Conflict may name the rule a concurrent request broke, like any refusal', () => {
    const error = new Conflict(
      'the candidate is already registered to this session',
      'enrollmentId',
      'duplicate',
    );
    expect(error.details()).toEqual({ field: 'enrollmentId', rule: 'duplicate', conflict: true });
  });
});
