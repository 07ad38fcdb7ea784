// Running a live session: start, end, delete a mistaken record, and the teacher's scores and feedback.
// Only the session's teacher or an admin may do these (requireManager); presence has its own entry point.
import type { Scores } from '../domain/liveSession/lifecycleEvents.js';
import type { LiveSessionCommand } from '../domain/liveSession/commands.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, type CommandContext } from './handleCommand.js';
import { liveSessions } from './aggregates.js';
import { requireManager, type Scheduler } from './liveSessionAccess.js';
import { endWithSlot } from './liveSessionMoves.js';

type Deps = { db: Db; eventStore: EventStore };

type Simple = Extract<
  LiveSessionCommand,
  { type: 'StartLiveSession' | 'EndLiveSession' | 'VerifyScores' | 'RevokeScoresVerification' }
>;
type SimpleInput<T extends Simple['type']> = Omit<
  Extract<Simple, { type: T }>,
  'type' | 'liveSessionId' | 'now'
>;

export async function runLifecycleCommand<T extends Simple['type']>(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  type: T,
  input: SimpleInput<T>,
  context: CommandContext,
) {
  await requireManager(deps, actor, liveSessionId);
  const command = { type, liveSessionId, now: context.now, ...input } as LiveSessionCommand;
  return handleCommand(deps.eventStore, liveSessions, liveSessionId, command, context);
}

/** Deleting removes the session from the schedule (the events stay, for the audit trail) and frees the slot. */
export const deleteLiveSession = (
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  reason: string,
  context: CommandContext,
) => endWithSlot(deps, actor, liveSessionId, 'DeleteLiveSession', reason, context);

export async function scoreStudent(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  input: { studentId: string; scores: Scores; comment: string | null },
  context: CommandContext,
) {
  await requireManager(deps, actor, liveSessionId);
  return handleCommand(
    deps.eventStore,
    liveSessions,
    liveSessionId,
    { type: 'ScoreStudent', liveSessionId, now: context.now, ...input },
    context,
  );
}
