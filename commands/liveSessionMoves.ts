// Moving and canceling a scheduled live session, together with its slot in the teacher's calendar (the
// teacherCalendar stream), which must never disagree with the session.
import { PreconditionFailed } from '../domain/shared/errors.js';
import { addMinutes } from '../domain/shared/time.js';
import { liveSessionDecider } from '../domain/liveSession/decider.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { liveSessions, teacherCalendars } from './aggregates.js';
import { requireManager, withKey, type Scheduler } from './liveSessionAccess.js';

type Deps = { db: Db; eventStore: EventStore };

/**
 * Moves a session and its slot in the teacher's calendar, which must never disagree. The session's own rules
 * and the caller's If-Match are checked before the slot moves (a refusal moves nothing); if the session still
 * refuses after the slot moved (someone changed it in between), the slot is moved back.
 */
export async function rescheduleLiveSession(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  input: { start: string; durationMinutes: number; timeZone: string },
  context: CommandContext,
) {
  const { state, revision } = await requireManager(deps, actor, liveSessionId);
  const command = { type: 'RescheduleLiveSession' as const, liveSessionId, now: context.now, ...input };
  if (context.ifMatch !== undefined && context.ifMatch !== revision)
    throw new PreconditionFailed(`the resource is at revision ${revision}, not ${context.ifMatch}`, {
      revision,
    });
  liveSessionDecider.decide(command, state);
  const end = addMinutes(input.start, input.durationMinutes);
  const teacherId = state.teacherId;
  const before =
    state.status === 'scheduled'
      ? (await loadAggregate(deps.eventStore, teacherCalendars, teacherId)).state.slots.get(liveSessionId)
      : undefined;
  if (state.status === 'scheduled') {
    await handleCommand(
      deps.eventStore,
      teacherCalendars,
      teacherId,
      { type: 'MoveTeachingSlot', teacherId, liveSessionId, start: input.start, end },
      withKey(context, 'calendar'),
    );
  }
  try {
    return await handleCommand(deps.eventStore, liveSessions, liveSessionId, command, context);
  } catch (error) {
    if (state.status === 'scheduled')
      await handleCommand(
        deps.eventStore,
        teacherCalendars,
        teacherId,
        before
          ? { type: 'MoveTeachingSlot', teacherId, liveSessionId, start: before.start, end: before.end }
          : { type: 'ReleaseTeachingSlot', teacherId, liveSessionId },
        withKey(context, undefined),
      );
    throw error;
  }
}

/**
 * Takes a session out of the schedule (cancel, or delete a record made by mistake) and frees its slot in the
 * teacher's calendar.
 */
export async function endWithSlot(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  type: 'CancelLiveSession' | 'DeleteLiveSession',
  reason: string,
  context: CommandContext,
) {
  const { state } = await requireManager(deps, actor, liveSessionId);
  const result = await handleCommand(
    deps.eventStore,
    liveSessions,
    liveSessionId,
    { type, liveSessionId, now: context.now, reason },
    context,
  );
  await handleCommand(
    deps.eventStore,
    teacherCalendars,
    state.teacherId,
    { type: 'ReleaseTeachingSlot', teacherId: state.teacherId, liveSessionId },
    withKey(context, 'calendar'),
  );
  return result;
}

export const cancelLiveSession = (
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  reason: string,
  context: CommandContext,
) => endWithSlot(deps, actor, liveSessionId, 'CancelLiveSession', reason, context);
