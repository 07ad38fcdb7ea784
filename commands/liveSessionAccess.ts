// Who may see and change a live session, and the idempotency keys of the steps of a command that writes to
// several streams (the session and the teacher's calendar).
import { NotFoundError, ForbiddenError } from '../domain/shared/errors.js';
import type { Db } from '../db/schema.js';
import type { Role } from '../db/people.table.js';
import type { EventStore } from './eventStore/port.js';
import { loadAggregate, type CommandContext } from './handleCommand.js';
import { liveSessions } from './aggregates.js';
import type { LiveSessionState } from '../domain/liveSession/state.js';

export type Scheduler = { personId: string; orgId: string; role: Role };

type Deps = { db: Db; eventStore: EventStore };

/** Loads a session the actor may see; anything else is "not found" (never reveal another organisation's ids). */
export async function loadLiveSessionFor(deps: Deps, actor: Scheduler, liveSessionId: string) {
  const loaded = await loadAggregate(deps.eventStore, liveSessions, liveSessionId);
  return { ...loaded, state: visibleTo(actor, loaded.state) };
}

export async function requireManager(deps: Deps, actor: Scheduler, liveSessionId: string) {
  const loaded = await loadLiveSessionFor(deps, actor, liveSessionId);
  return { ...loaded, state: managedBy(actor, loaded.state) };
}

/**
 * The manager check as part of the command (`CommandContext.authorize`): judged on the very state the command
 * is decided on and appended after, so a route needs no read of its own to check who is asking.
 */
export const managerOf =
  (actor: Scheduler) =>
  (state: unknown): void =>
    void managedBy(actor, state as LiveSessionState);

function visibleTo(actor: Scheduler, state: LiveSessionState) {
  if (state.status === 'none' || state.status === 'deleted' || state.orgId !== actor.orgId)
    throw new NotFoundError('live_session');
  const isParticipant = state.participants.some((p) => p.studentId === actor.personId);
  if (actor.role === 'student' && !isParticipant) throw new NotFoundError('live_session');
  if (actor.role === 'teacher' && state.teacherId !== actor.personId) throw new NotFoundError('live_session');
  return state;
}

function managedBy(actor: Scheduler, state: LiveSessionState) {
  const visible = visibleTo(actor, state);
  if (actor.role === 'student')
    throw new ForbiddenError(
      'session_teacher_or_admin_only',
      'only the teacher or an admin can change this live session',
    );
  return visible;
}

/** A step of a multi-stream command gets its own idempotency key derived from the request's. */
export function withKey(context: CommandContext, suffix: string | undefined): CommandContext {
  // Another stream's step: the caller's revision and access check were for the session's.
  const { idempotencyKey, ifMatch: _ignored, authorize: _other, ...rest } = context;
  return suffix && idempotencyKey ? { ...rest, idempotencyKey: `${idempotencyKey}:${suffix}` } : rest;
}
