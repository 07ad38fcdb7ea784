// Making a session's summaries again after a correction (a grade changed after class): an admin, or the
// session's teacher. The next revision is made from what the log holds now and paid like the first; with the
// same Idempotency-Key a repeat makes and pays nothing more.
import { ForbiddenError, NotFoundError, RuleViolation } from '../domain/shared/errors.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { loadAggregate, type CommandContext } from './handleCommand.js';
import { liveSessions, sessionSummaries } from './aggregates.js';
import { makeSessionSummaries, type SummaryActor } from './sessionSummaries.js';

type Deps = { db: Db; eventStore: EventStore };

export async function regenerateSessionSummaries(
  deps: Deps,
  actor: SummaryActor,
  liveSessionId: string,
  context: CommandContext,
) {
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'admins and the teacher make summaries again');
  const session = (await loadAggregate(deps.eventStore, liveSessions, liveSessionId)).state;
  const notFound = new NotFoundError('session_summary', 'no summary of this session');
  if (session.status === 'none' || session.orgId !== actor.orgId) throw notFound;
  if (actor.role === 'teacher' && session.teacherId !== actor.personId) throw notFound;
  const current = await loadAggregate(deps.eventStore, sessionSummaries, liveSessionId);
  const { revision, refusedRevision } = current.state;
  if (revision < 0 && refusedRevision < 0) throw notFound;
  const replay = context.idempotencyKey && (await deps.eventStore.idempotentResult(context.idempotencyKey));
  if (replay) return { revision: current.revision, position: null, replayed: true, refused: false };
  const next = Math.max(revision, refusedRevision) + 1;
  const result = await makeSessionSummaries(deps, liveSessionId, context, {
    revision: next,
    requestedBy: actor.personId,
  });
  if (!result)
    throw new RuleViolation('summaries_off', 'no participant of this session has post-session summaries on');
  const refused = result.state.revision < next && result.state.refusedRevision >= next;
  return { revision: result.revision, position: result.position, replayed: result.replayed, refused };
}
