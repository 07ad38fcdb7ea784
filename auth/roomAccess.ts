// Who may be in a live room, and when it is open. One access check for both kinds of room (DESIGN "Realtime"):
// `ls-<liveSessionId>`: the session's teacher, its participants and the organisation's admins;
// `te-<trainingEventId>`: the trainers and registered learners of an online or hybrid training event.
import { loadAggregate } from '../commands/handleCommand.js';
import { liveSessions } from '../commands/aggregates.js';
import type { EventStore } from '../commands/eventStore/port.js';
import type { Db } from '../db/schema.js';
import type { Actor } from './sessions.js';
import { trainingEventRoomAccess } from '../projections/trainings/roomAccess.js';
import { NotFoundError, RuleViolation } from '../domain/shared/errors.js';

/** The room opens this long before the start. */
export const ROOM_OPENS_BEFORE_MS = 10 * 60_000;

export type RoomInfo = {
  roomId: string;
  orgId: string;
  kind: 'liveSession' | 'trainingEvent';
  /** Lesson switching and per-student edit toggles are for individual sessions (training events: group). */
  sessionKind: 'individual' | 'group';
  liveSessionId: string | null;
  courseId: string | null;
  sessionLessonId: string | null;
  hostIds: string[];
  participantIds: string[];
  opensAt: string;
  endsAt: string;
  /** Started and not ended yet: open even past the planned end. */
  running: boolean;
  ended: boolean;
};

export type RoomMembership = { info: RoomInfo; roomRole: 'host' | 'participant' };

type Deps = { db: Db; eventStore: EventStore };

export const parseRoomId = (roomId: string) => {
  const match = /^(ls|te)-(.+)$/.exec(roomId);
  if (!match) throw new NotFoundError('room');
  return { prefix: match[1] as 'ls' | 'te', id: match[2]! };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The room as the actor may see it; a stranger (or another organisation) gets "not found". */
export async function roomMembership(deps: Deps, actor: Actor, roomId: string): Promise<RoomMembership> {
  const { prefix, id } = parseRoomId(roomId);
  if (!UUID.test(id)) throw new NotFoundError('room');
  return prefix === 'ls'
    ? liveSessionRoom(deps, actor, roomId, id)
    : trainingEventRoom(deps, actor, roomId, id);
}

async function liveSessionRoom(
  deps: Deps,
  actor: Actor,
  roomId: string,
  id: string,
): Promise<RoomMembership> {
  const { state } = await loadAggregate(deps.eventStore, liveSessions, id);
  if (state.status === 'none' || state.status === 'deleted' || state.orgId !== actor.orgId)
    throw new NotFoundError('room');
  const participantIds = state.participants.map((p) => p.studentId);
  let roomRole: 'host' | 'participant';
  if (actor.personId === state.teacherId || actor.role === 'admin') roomRole = 'host';
  else if (participantIds.includes(actor.personId)) roomRole = 'participant';
  else throw new NotFoundError('room');
  const start = Date.parse(state.start);
  const info: RoomInfo = {
    roomId,
    orgId: state.orgId,
    kind: 'liveSession',
    sessionKind: state.kind,
    liveSessionId: id,
    courseId: state.courseId,
    sessionLessonId: state.courseLessonId,
    hostIds: [state.teacherId],
    participantIds,
    opensAt: new Date(start - ROOM_OPENS_BEFORE_MS).toISOString(),
    endsAt: new Date(start + state.durationMinutes * 60_000).toISOString(),
    running: state.status === 'active',
    ended: state.status === 'ended' || state.status === 'canceled',
  };
  return { info, roomRole };
}

async function trainingEventRoom(
  deps: Deps,
  actor: Actor,
  roomId: string,
  id: string,
): Promise<RoomMembership> {
  const access = await trainingEventRoomAccess(deps.db, id, actor.personId);
  if (!access || access.orgId !== actor.orgId) throw new NotFoundError('room');
  const participants = await trainingEventLearners(deps.db, id);
  const info: RoomInfo = {
    roomId,
    orgId: access.orgId,
    kind: 'trainingEvent',
    sessionKind: 'group',
    liveSessionId: null,
    courseId: null,
    sessionLessonId: null,
    hostIds: access.role === 'trainer' ? [actor.personId] : [],
    participantIds: participants,
    opensAt: new Date(Date.parse(access.start) - ROOM_OPENS_BEFORE_MS).toISOString(),
    endsAt: access.end,
    running: false,
    ended: false,
  };
  return { info, roomRole: access.role === 'trainer' ? 'host' : 'participant' };
}

async function trainingEventLearners(db: Db, trainingEventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('training_events')
    .innerJoin('training_registrations', (join) =>
      join
        .onRef('training_registrations.section_id', '=', 'training_events.section_id')
        .onRef('training_registrations.training_id', '=', 'training_events.training_id'),
    )
    .select('training_registrations.learner_id')
    .where('training_events.id', '=', trainingEventId)
    .where('training_registrations.status', '=', 'registered')
    .execute();
  return rows.map((r) => r.learner_id);
}

export function isRoomOpen(info: RoomInfo, now: Date): boolean {
  if (info.ended) return false;
  if (info.running) return true;
  const t = now.getTime();
  return t >= Date.parse(info.opensAt) && t < Date.parse(info.endsAt);
}

export function requireOpen(info: RoomInfo, now: Date) {
  if (!isRoomOpen(info, now))
    throw new RuleViolation(
      'room_closed',
      'the room is open from 10 minutes before the start until the end',
      {
        opensAt: info.opensAt,
        endsAt: info.endsAt,
      },
    );
}

/** The room's hours and status as they are now (a live session may have started, ended or moved). */
export async function refreshRoomInfo(deps: Deps, info: RoomInfo): Promise<RoomInfo> {
  if (info.kind !== 'liveSession' || !info.liveSessionId) return info;
  const { state } = await loadAggregate(deps.eventStore, liveSessions, info.liveSessionId);
  if (state.status === 'none') return info;
  const start = Date.parse(state.start);
  return {
    ...info,
    opensAt: new Date(start - ROOM_OPENS_BEFORE_MS).toISOString(),
    endsAt: new Date(start + state.durationMinutes * 60_000).toISOString(),
    running: state.status === 'active',
    ended: state.status === 'ended' || state.status === 'canceled' || state.status === 'deleted',
  };
}
