// Why a schedule rule's occurrence was not scheduled (enrollment and group rules alike): the refusal's own code
// for API clients, and a stable code with the values its sentence needs (the conflicting session's times) that
// the interface words in each person's language.
import { AppError, RuleViolation } from '../domain/shared/errors.js';
import { addMinutes } from '../domain/shared/time.js';
import { skipReasonOf, type SkipFacts, type SkipReason } from '../domain/enrollment/scheduleRules.js';
import type { EventStore } from './eventStore/port.js';
import { loadAggregate } from './handleCommand.js';
import { liveSessions } from './aggregates.js';

/** A skip as generation records it: always with its code and values. */
export type Skip = { kind: 'skipped' } & Required<SkipFacts>;

/** What is missing when scheduling found nothing: the error's resource, else its message ("course not found"). */
function missing(error: AppError): string {
  const resource = error.details.resource;
  return typeof resource === 'string' ? resource : error.message.replace(/ not found$/, '');
}

function codeOf(error: AppError, reason: string): SkipReason {
  const known = skipReasonOf(reason);
  if (known) return known;
  if (error.kind === 'not_found') {
    const what = missing(error);
    if (what === 'course') return 'course_gone';
    if (what === 'teacher') return 'teacher_gone';
  }
  return 'other';
}

/** The skip recorded for a refusal of scheduling an occurrence. */
export async function skipFor(eventStore: EventStore, error: AppError): Promise<Skip> {
  const reason = error instanceof RuleViolation ? error.code : error.kind;
  const conflicting = error.details.conflictingLiveSessionId;
  const conflictingLiveSessionId = typeof conflicting === 'string' ? conflicting : null;
  let conflictStart: string | null = null;
  let conflictEnd: string | null = null;
  if (conflictingLiveSessionId) {
    const session = (await loadAggregate(eventStore, liveSessions, conflictingLiveSessionId)).state;
    if (session.status !== 'none') {
      conflictStart = new Date(session.start).toISOString();
      conflictEnd = new Date(addMinutes(session.start, session.durationMinutes)).toISOString();
    }
  }
  return {
    kind: 'skipped',
    reason,
    conflictingLiveSessionId,
    code: codeOf(error, reason),
    conflictStart,
    conflictEnd,
  };
}

/** A skip's facts without its kind, as the generation reports list them. */
export const skipFacts = ({ kind: _k, ...facts }: Skip): Required<SkipFacts> => facts;
