import { InputProblems, InvalidInput } from '@certif/platform-errors';

/**
 * Throws every collected problem as one refusal, tagged with the domain rule when one of them
 * comes from a rule (e.g. R6) so that a client can tell a typo from a regulation.
 */
export function refuseIfAny(problems: InputProblems, rule?: string): void {
  try {
    problems.throwIfAny();
  } catch (error) {
    if (rule !== undefined && error instanceof InvalidInput) {
      throw new InvalidInput(error.message, error.field, rule);
    }
    throw error;
  }
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
