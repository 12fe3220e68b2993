/**
 * Errors that domain and application code throw to refuse a request. They carry the contract's
 * error code; the GraphQL layer maps them to `extensions.code` without knowing the domain.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  /** Extra fields a client may act on (which field, which rule). */
  details(): Record<string, unknown> {
    return {};
  }
}

/**
 * Bad input or a rule that refuses the request. `field` names the input field at fault,
 * `rule` the domain rule (e.g. "R6") so that a person knows why and what to change.
 */
export class InvalidInput extends DomainError {
  readonly code = 'BAD_USER_INPUT';

  constructor(
    message: string,
    readonly field?: string,
    readonly rule?: string,
  ) {
    super(message);
  }

  override details(): Record<string, unknown> {
    return {
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.rule === undefined ? {} : { rule: this.rule }),
    };
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`No ${entity} with id "${id}"`);
  }

  override details(): Record<string, unknown> {
    return { entity: this.entity, id: this.id };
  }
}

export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class Unauthenticated extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** Collects every problem of an input before refusing it, so a person fixes them all at once. */
export class InputProblems {
  private readonly problems: { field: string; message: string }[] = [];

  add(field: string, message: string): this {
    this.problems.push({ field, message });
    return this;
  }

  check(condition: boolean, field: string, message: string): this {
    return condition ? this : this.add(field, message);
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  /** Throws one InvalidInput listing every problem; the first field is named in `field`. */
  throwIfAny(): void {
    const [first] = this.problems;
    if (!first) return;
    const message = this.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new InvalidInput(message, first.field);
  }
}

/**
 * Another request changed the same thing first: a duplicate key, or a version that is no longer
 * the stored one. The contract answers `BAD_USER_INPUT` (it is the caller's request that no
 * longer applies); `extensions.conflict` tells a client that reading again and retrying may
 * succeed, which a rule refusal never does.
 */
export class Conflict extends InvalidInput {
  constructor(message: string, field?: string, rule?: string) {
    super(message, field, rule);
  }

  override details(): Record<string, unknown> {
    return { ...super.details(), conflict: true };
  }
}
