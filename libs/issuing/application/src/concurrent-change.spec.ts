import { isRuleRefusal } from '@certif/platform-events';
import { Conflict } from '@certif/platform-errors';
import { concurrentChange } from './concurrent-change';

describe('a concurrent change', () => {
  it('is a Conflict (BAD_USER_INPUT, extensions.conflict) that an event consumer retries', () => {
    const error = concurrentChange('livret 1');
    expect(error).toBeInstanceOf(Conflict);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details()).toEqual({ conflict: true });
    expect(error.message).toBe('livret 1 was changed by another transaction meanwhile; try again');
    // Dead-lettered at once would lose a fact that is fine: the retry sees the other's result.
    expect(isRuleRefusal(error)).toBe(false);
  });
});
