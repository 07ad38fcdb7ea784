// The closed set of errors the domain and the application raise. api/errors.ts maps each to problem+json.
// Messages are stable: clients and tests read them.

export type ErrorDetails = Record<string, unknown>;

export abstract class AppError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'unauthenticated'
    | 'forbidden'
    | 'not_found'
    | 'rule'
    | 'conflict'
    | 'precondition'
    | 'unprocessable'
    | 'rate_limited'
    | 'unavailable';
  constructor(
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that does not make sense: 400. `fields` names what is wrong. */
export class ValidationError extends AppError {
  readonly kind = 'validation' as const;
  constructor(
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message, { fields });
  }
}

export class UnauthenticatedError extends AppError {
  readonly kind = 'unauthenticated' as const;
}

export class ForbiddenError extends AppError {
  readonly kind = 'forbidden' as const;
}

/** Missing, or belonging to another organisation (we never reveal which). */
export class NotFoundError extends AppError {
  readonly kind = 'not_found' as const;
}

/** A business rule refuses the command: 409 with a stable `code`. */
export class RuleViolation extends AppError {
  readonly kind = 'rule' as const;
  constructor(
    readonly code: string,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message, { code, ...details });
  }
}

/** Someone else appended first: 409 (retried by the handler before it reaches a client). */
export class ConcurrencyError extends AppError {
  readonly kind = 'conflict' as const;
  constructor(
    readonly streamId: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(`stream ${streamId} is at revision ${String(actual)}, expected ${String(expected)}`, { streamId });
  }
}

/** If-Match did not match the current revision: 412. */
export class PreconditionFailed extends AppError {
  readonly kind = 'precondition' as const;
}

/** An Idempotency-Key sent again with a different request: 422 (the first request's result stays). */
export class IdempotencyKeyReused extends AppError {
  readonly kind = 'unprocessable' as const;
  constructor(message = 'this Idempotency-Key was used with a different request; use a new key') {
    super(message, {
      fields: [{ path: 'headers.idempotency-key', message: 'was used with a different request' }],
    });
  }
}

/** The server is too busy to take this now: 503 with Retry-After. */
export class Unavailable extends AppError {
  readonly kind = 'unavailable' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

export class RateLimited extends AppError {
  readonly kind = 'rate_limited' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}
