// What a joined peer may do in a room: relay signals, announce media, chat, run and answer polls, edit the
// shared documents (when allowed), and (the host) grant editing and switch lessons.
import { loadAggregate } from '../commands/handleCommand.js';
import { rooms } from '../commands/aggregates.js';
import { NotFoundError } from '../domain/shared/errors.js';
import type { RoomCommand } from '../domain/room/commands.js';
import type { ClientMessage } from './messages.js';
import { chatView, lessonKind, namesOf, newId, runRoomCommand } from '../commands/rooms.js';
import { requireOpen, roomMembership } from '../auth/roomAccess.js';
import { leaveRoom } from './join.js';
import { yjsAwareness, yjsSync } from './docSync.js';
import { handleSfuMessage } from './sfu/gatewaySfu.js';
import { isSfuMessage } from './sfu/sfu.js';
import { handleGesture, isGestureMessage } from './gestures.js';
import { type Gateway, type JoinedConnection } from './connection.js';

const RECHECK_MS = 30_000;

type RoomMessage = Exclude<ClientMessage, { type: 'join' | 'leave' | 'ping' }>;

type Body<T> = T extends RoomCommand ? Omit<T, 'roomId' | 'now' | 'actor'> : never;

export async function handleRoomMessage(
  gateway: Gateway,
  connection: JoinedConnection,
  message: RoomMessage,
) {
  const { room, local } = connection;
  const { deps, node } = gateway;
  // The opening hours are checked on every message; membership on join and again every RECHECK_MS (a
  // participant removed from the session mid-way is then put out of the room).
  const now = deps.clock.now();
  if (now.getTime() - local.checkedAt > RECHECK_MS) {
    try {
      const membership = await roomMembership(deps, connection.actor, room.roomId);
      room.info = membership.info;
      local.checkedAt = now.getTime();
    } catch (error) {
      await leaveRoom(gateway, connection, 'left');
      throw error;
    }
  }
  requireOpen(room.info, now);
  const command = (body: Body<RoomCommand>) =>
    runRoomCommand(
      deps,
      room.info,
      connection.actor,
      {
        ...body,
        roomId: room.roomId,
        now: deps.clock.now().toISOString(),
        actor: local.viewer,
      } as RoomCommand,
      { correlationId: message.ref },
    );

  if (isSfuMessage(message)) return handleSfuMessage(gateway, connection, message);
  if (isGestureMessage(message)) return handleGesture(gateway, connection, message);
  switch (message.type) {
    case 'signal':
      if (!node.hasPeer(room, message.to))
        throw new NotFoundError('peer', `peer ${message.to} is not in the room`);
      await node.signal(room.roomId, message.to, { from: local.peer.peerId, data: message.data });
      return;
    case 'media':
      local.peer = { ...local.peer, video: message.video, audio: message.audio };
      node.updatePeer(room, local.peer);
      return;
    case 'chat.post':
      await command({ type: 'PostChatMessage', messageId: newId(), text: message.text });
      return;
    case 'chat.remove':
      await command({ type: 'RemoveChatMessage', messageId: message.messageId });
      return;
    case 'chat.history': {
      const { state } = await loadAggregate(deps.eventStore, rooms, room.roomId);
      let chat = state.chat.filter((m) => !m.removed);
      if (message.before) {
        const index = chat.findIndex((m) => m.messageId === message.before);
        chat = index >= 0 ? chat.slice(0, index) : chat;
      }
      const page = chat.slice(-message.limit);
      const names = await namesOf(
        deps.db,
        page.map((m) => m.personId),
      );
      connection.send({
        type: 'chat.history',
        ref: message.ref,
        messages: chatView(page, names),
        hasMore: chat.length > page.length,
      });
      return;
    }
    case 'poll.open':
      await command({
        type: 'OpenPoll',
        pollId: newId(),
        question: message.question,
        options: message.options,
        anonymous: message.anonymous,
      });
      return;
    case 'poll.answer':
      await command({ type: 'AnswerPoll', pollId: message.pollId, option: message.option });
      return;
    case 'poll.close':
      await command({ type: 'ClosePoll', pollId: message.pollId });
      return;
    case 'permission.set':
      if (!room.info.participantIds.includes(message.personId))
        throw new NotFoundError('room_participant', 'that person is not a participant of this room');
      await command({ type: 'SetEditPermission', personId: message.personId, canEdit: message.canEdit });
      return;
    case 'lesson.switch': {
      const { state } = await loadAggregate(deps.eventStore, rooms, room.roomId);
      const kind = await lessonKind(deps, room.info, state, message.lessonId);
      await command({
        type: 'SwitchLesson',
        lessonId: message.lessonId,
        kind,
        sessionKind: room.info.sessionKind,
      });
      return;
    }
    case 'lesson.return':
      await command({ type: 'ReturnToSessionLesson', sessionKind: room.info.sessionKind });
      return;
    case 'lesson.instant':
      await command({
        type: 'CreateInstantLesson',
        lessonId: newId(),
        title: message.title,
        sessionKind: room.info.sessionKind,
      });
      return;
    case 'yjs.sync':
      return yjsSync(gateway, connection, message);
    case 'yjs.awareness':
      return yjsAwareness(gateway, connection, message);
    default: {
      const _exhaustive: never = message;
      return;
    }
  }
}
