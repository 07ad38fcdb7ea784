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

/** One field's problem: the English `message`, and for the client a `code` (zod's issue codes, or our own such as
 * `range_reversed`) with its parameters (`minimum`, `maximum`, `expected`, `values`, ...), so it can be worded in
 * the person's language. */
export type FieldProblem = { path: string; message: string; code?: string; [param: string]: unknown };

/** The parameters of a zod issue a client words a field's problem with (zod 4: `minimum`, `maximum`, `inclusive`,
 * `origin` string/array/number/date, `expected`, `format`, `values`, `keys`, `divisor`); bigints become numbers. */
const ISSUE_PARAMS = [
  'minimum',
  'maximum',
  'inclusive',
  'origin',
  'expected',
  'format',
  'values',
  'keys',
  'divisor',
];

type IssueLike = { code?: unknown; message?: string; [param: string]: unknown };

/** A zod issue as a field problem: its code and parameters beside the English message. For a missing value zod
 * says only in the message that it "received undefined": that becomes `received: 'undefined'`. */
export function fieldProblemOf(path: string, zodIssue: object): FieldProblem {
  const issue = zodIssue as IssueLike;
  const message = issue.message ?? 'is invalid';
  const field: FieldProblem = { path, message };
  if (typeof issue.code === 'string') field.code = issue.code;
  // A refinement of ours names its rule (params.rule) and the values its sentence needs.
  const params = issue.params as Record<string, unknown> | undefined;
  if (issue.code === 'custom' && typeof params?.rule === 'string')
    for (const [key, value] of Object.entries(params)) field[key === 'rule' ? 'code' : key] = json(value);
  for (const key of ISSUE_PARAMS) {
    const value = issue[key];
    if (value === undefined) continue;
    field[key] = json(value);
  }
  const received = /received (\w+)\s*$/.exec(message)?.[1];
  if (issue.code === 'invalid_type' && received) field.received = received;
  return field;
}

function json(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(json);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  return String(value);
}

/** Input that does not make sense: 400. `fields` names what is wrong. */
export class ValidationError extends AppError {
  readonly kind = 'validation' as const;
  constructor(
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message, { fields });
  }
}

export class UnauthenticatedError extends AppError {
  readonly kind = 'unauthenticated' as const;
}

/** What a 404 can name as missing: each has a sentence in the client's problems catalogue (its test holds it). */
export const NOT_FOUND_RESOURCES = [
  'calendar_feed',
  'chat_message',
  'course',
  'enrollment',
  'feed',
  'feed_subscription',
  'feedback',
  'follow_up',
  'group',
  'homework',
  'instant_lesson',
  'learner',
  'ledger_entry',
  'lesson',
  'lesson_analysis',
  'lesson_student',
  'live_session',
  'mail',
  'participant_group',
  'peer',
  'person',
  'poll',
  'registration',
  'room',
  'room_participant',
  'schedule_rule',
  'scheduled_class',
  'section',
  'session_summary',
  'student',
  'student_group',
  'student_summary',
  'teacher',
  'trainer_group',
  'training',
  'training_event',
  'video_peer',
  'wallet',
] as const;
export type NotFoundResource = (typeof NOT_FOUND_RESOURCES)[number];

/** Why a 403 refuses: each has a sentence in the client's problems catalogue. */
export const FORBIDDEN_REASONS = [
  'account_deactivated',
  'admin_only',
  'answer_not_taken',
  'host_only',
  'host_runs_poll',
  'learner_required',
  'learners_register_themselves',
  'lesson_students_only',
  'offer_required',
  'own_answers_only',
  'own_classes_only',
  'own_sessions_only',
  'own_students_only',
  'own_wallet_only',
  'role_required',
  'room_participants_only',
  'section_manager_only',
  'session_teacher_or_admin_only',
  'teacher_or_admin_only',
  'trainer_or_admin_only',
  'trainings_disabled',
  'video_stopped_by_host',
] as const;
export type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

/** Refused for who the person is: 403 with a stable `reason` (e.g. 'teacher_or_admin_only') the client words in
 * the person's language; `message` is the English detail. */
export class ForbiddenError extends AppError {
  readonly kind = 'forbidden' as const;
  constructor(
    readonly reason: ForbiddenReason,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message, { reason, ...details });
  }
}

/** Missing, or belonging to another organisation (we never reveal which): 404 with a stable `resource` (e.g.
 * 'live_session'); the English detail is "live session not found" unless a `message` says more. */
export class NotFoundError extends AppError {
  readonly kind = 'not_found' as const;
  constructor(
    readonly resource: NotFoundResource,
    message = `${resource.replace(/_/g, ' ')} not found`,
    details: ErrorDetails = {},
  ) {
    super(message, { resource, ...details });
  }
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
