// A failed message, answered to its sender: a rule or access refusal by its code and reason, anything else as
// `internal` (and logged).
import { AppError, RuleViolation } from '../domain/shared/errors.js';
import type { ErrorCode } from './messages.js';
import { sendError, type Connection, type Gateway } from './connection.js';

export function reportError(gateway: Gateway, connection: Connection, error: unknown, ref?: string) {
  if (error instanceof AppError) {
    const code: ErrorCode =
      error instanceof RuleViolation
        ? error.code === 'room_closed'
          ? 'room_closed'
          : 'rule'
        : error.kind === 'validation' || error.kind === 'unprocessable'
          ? 'invalid_message'
          : error.kind === 'conflict' || error.kind === 'precondition'
            ? 'rule'
            : error.kind;
    return sendError(connection, code, error.message, ref, error.details);
  }
  gateway.log('room message failed', error);
  sendError(connection, 'internal', 'something went wrong; try again', ref);
}
