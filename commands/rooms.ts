// Room commands from the gateway and the API: decide and store (stream `room-<roomId>`), then tell every node
// on `room.<roomId>.evt.<type>` so each can show the change to its own peers. Also the per-viewer views.
import { randomUUID } from 'node:crypto';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, rooms } from './aggregates.js';
import { NotFoundError } from '../domain/shared/errors.js';
import type { EventStore } from './eventStore/port.js';
import type { RoomCommand } from '../domain/room/commands.js';
import type { RoomEvent } from '../domain/room/events.js';
import type { ChatEntry, Poll, RoomState } from '../domain/room/state.js';
import type { Db } from '../db/schema.js';
import type { Bus } from '../bus/port.js';
import type { ChatMessage, CurrentLesson, PollView } from '../contract/realtime.js';
import type { RoomInfo } from '../auth/roomAccess.js';

/** What crosses the bus about a room: enough for any node to render each of its viewers' views. */
export type RoomBusEvent =
  | { type: 'chat.message'; message: ChatMessage }
  | { type: 'chat.removed'; messageId: string }
  | { type: 'poll'; phase: 'opened' | 'tally' | 'closed'; poll: Poll }
  | { type: 'permission.changed'; personId: string; canEdit: boolean }
  | { type: 'lesson.switched'; lesson: CurrentLesson }
  | { type: 'lesson.instantCreated'; lesson: { lessonId: string; kind: 'instant'; title: string } }
  /** Lesson answers in the room changed (commands/lessonAnswers.ts); studentId null: revealed to everyone. */
  | { type: 'answers.changed'; place: 'live' | 'instant'; lessonId: string; studentId: string | null }
  | { type: 'yjs.update'; doc: string; data: string; fromPeer: string }
  | { type: 'yjs.awareness'; doc: string; data: string; fromPeer: string };

const encoder = new TextEncoder();
export const encodeJson = (value: unknown) => encoder.encode(JSON.stringify(value));
const decoder = new TextDecoder();
export const decodeJson = <T>(data: Uint8Array) => JSON.parse(decoder.decode(data)) as T;

export const roomSubject = {
  evt: (roomId: string, type: string) => `room.${roomId}.evt.${type}`,
  evtAll: (roomId: string) => `room.${roomId}.evt.>`,
  sig: (roomId: string, peerId: string) => `room.${roomId}.sig.${peerId}`,
  presence: (roomId: string) => `room.${roomId}.presence`,
};

export function publishRoomEvent(bus: Bus, roomId: string, event: RoomBusEvent) {
  return bus.publish(roomSubject.evt(roomId, event.type), encodeJson(event));
}

type Deps = { eventStore: EventStore; bus: Bus };
type Actor = { personId: string; name: string };

/** Runs a room command (the caller has checked membership and that the room is open) and broadcasts it. */
export async function runRoomCommand(
  deps: Deps,
  info: RoomInfo,
  actor: Actor,
  command: RoomCommand,
  context: Omit<CommandContext, 'orgId' | 'actorId' | 'now'> = {},
) {
  const result = await handleCommand(deps.eventStore, rooms, info.roomId, command, {
    ...context,
    orgId: info.orgId,
    actorId: actor.personId,
    now: command.now,
  });
  for (const event of result.events) {
    const busEvent = toBusEvent(event, result.state, info, actor);
    if (busEvent) await publishRoomEvent(deps.bus, info.roomId, busEvent);
  }
  return result;
}

function toBusEvent(event: RoomEvent, state: RoomState, info: RoomInfo, actor: Actor): RoomBusEvent | null {
  const poll = (id: string) => state.polls.find((p) => p.pollId === id)!;
  switch (event.type) {
    case 'RoomChatMessagePosted': {
      const { messageId, personId, text, at } = event.data;
      return { type: 'chat.message', message: { messageId, personId, name: actor.name, text, at } };
    }
    case 'RoomChatMessageRemoved':
      return { type: 'chat.removed', messageId: event.data.messageId };
    case 'RoomPollOpened':
      return { type: 'poll', phase: 'opened', poll: poll(event.data.pollId) };
    case 'RoomPollAnswered':
      return { type: 'poll', phase: 'tally', poll: poll(event.data.pollId) };
    case 'RoomPollClosed':
      return { type: 'poll', phase: 'closed', poll: poll(event.data.pollId) };
    case 'RoomEditPermissionChanged':
      return { type: 'permission.changed', personId: event.data.personId, canEdit: event.data.canEdit };
    case 'RoomInstantLessonCreated':
      return {
        type: 'lesson.instantCreated',
        lesson: { lessonId: event.data.lessonId, kind: 'instant', title: event.data.title },
      };
    case 'RoomLessonSwitched':
    case 'RoomReturnedToSessionLesson':
      return { type: 'lesson.switched', lesson: currentLesson(state, info) };
    case 'RoomSpeakingTimeRecorded':
      // The host reads the balance over HTTP (GET /api/rooms/:roomId/speaking), refreshed as reports arrive.
      return null;
    default: {
      const _exhaustive: never = event;
      return null;
    }
  }
}

/** What a lesson to switch to is: one of the room's instant lessons or a lesson of the session's course. */
export async function lessonKind(
  deps: { eventStore: EventStore },
  info: RoomInfo,
  state: RoomState,
  lessonId: string,
): Promise<'course' | 'instant'> {
  if (state.instantLessons.some((l) => l.lessonId === lessonId)) return 'instant';
  if (info.courseId) {
    const course = (await loadAggregate(deps.eventStore, courses, info.courseId)).state;
    if (course.status !== 'none' && course.lessons.some((l) => l.lessonId === lessonId)) return 'course';
  }
  throw new NotFoundError('lesson', 'lesson not found in this course or room');
}

export const newId = () => randomUUID();

/**
 * The lesson on show in a room and its instant lessons. From the room's stream: the room read model does not
 * record instant lessons or lesson switches.
 */
export async function roomLesson(deps: { eventStore: EventStore }, info: RoomInfo): Promise<CurrentLesson> {
  const { state } = await loadAggregate(deps.eventStore, rooms, info.roomId);
  return currentLesson(state, info);
}

/**
 * The command that shows `lessonId` (null: the session's own lesson again): an instant lesson of the room or a
 * lesson of the session's course, "not found" otherwise.
 */
export async function lessonSwitch(
  deps: { eventStore: EventStore },
  info: RoomInfo,
  lessonId: string | null,
) {
  if (lessonId === null) return { type: 'ReturnToSessionLesson' as const, sessionKind: info.sessionKind };
  const { state } = await loadAggregate(deps.eventStore, rooms, info.roomId);
  return {
    type: 'SwitchLesson' as const,
    lessonId,
    kind: await lessonKind(deps, info, state, lessonId),
    sessionKind: info.sessionKind,
  };
}

// ---------------------------------------------------------------- views

export async function namesOf(db: Db, personIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function chatView(entries: ChatEntry[], names: Map<string, string>): ChatMessage[] {
  return entries
    .filter((m) => !m.removed)
    .map(({ messageId, personId, text, at }) => ({
      messageId,
      personId,
      name: names.get(personId) ?? 'someone',
      text,
      at,
    }));
}

export type Viewer = { personId: string; roomRole: 'host' | 'participant' };

/** An open anonymous poll shows its tallies only from this many answers on (or once closed). */
export const ANONYMOUS_TALLY_MIN = 3;

/**
 * A poll as one viewer sees it. Anonymous polls tell nobody, the host included, who answered or what: no
 * per-person answers, no list of who has not answered, and while open no tallies until ANONYMOUS_TALLY_MIN have
 * answered (one answer's tally would name it to whoever saw that person answer).
 */
export function pollView(poll: Poll, viewer: Viewer, participantIds: string[]): PollView {
  const responded = Object.keys(poll.answers).length;
  const hidden = poll.anonymous && poll.status === 'open' && responded < ANONYMOUS_TALLY_MIN;
  const counts = poll.options.map(() => 0);
  if (!hidden) for (const option of Object.values(poll.answers)) counts[option] = (counts[option] ?? 0) + 1;
  const view: PollView = {
    pollId: poll.pollId,
    question: poll.question,
    options: poll.options,
    anonymous: poll.anonymous,
    status: poll.status,
    openedAt: poll.openedAt,
    closedAt: poll.closedAt,
    counts,
    responded,
    myAnswer: poll.answers[viewer.personId] ?? null,
  };
  if (hidden) view.countsHidden = true;
  if (viewer.roomRole === 'host' && !poll.anonymous) {
    view.nonResponders = participantIds.filter((id) => poll.answers[id] === undefined);
    view.answers = Object.entries(poll.answers).map(([personId, option]) => ({ personId, option }));
  }
  return view;
}

export function currentLesson(state: RoomState, info: RoomInfo): CurrentLesson {
  const instant = state.instantLessons.map((l) => ({
    lessonId: l.lessonId,
    kind: 'instant' as const,
    title: l.title,
  }));
  const current = state.current
    ? {
        lessonId: state.current.lessonId,
        kind: state.current.kind,
        title: instant.find((l) => l.lessonId === state.current!.lessonId)?.title ?? null,
      }
    : null;
  return { sessionLessonId: info.sessionLessonId, current, instantLessons: instant };
}

/** Hosts always edit; participants are view-only until the host allows them (recorded in the room). */
export const canEdit = (state: Pick<RoomState, 'permissions'>, viewer: Viewer) =>
  viewer.roomRole === 'host' || state.permissions[viewer.personId] === true;
