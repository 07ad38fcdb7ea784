// A room's events from the bus (published by whichever node carried out the command), passed on to this node's
// peers in the room: chat, polls (each viewer gets the poll as they may see it), permissions, lessons, and the
// shared documents' updates and awareness.
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { pollView, type RoomBusEvent } from '../commands/rooms.js';
import type { ServerMessage } from './messages.js';
import type { RoomDocs } from './docs.js';
import type { LocalRoom } from './roomNode.js';

export async function relayRoomEvent(
  room: LocalRoom,
  event: RoomBusEvent,
  docs: RoomDocs,
  sendAll: (room: LocalRoom, message: ServerMessage, exceptPeer?: string) => void,
) {
  switch (event.type) {
    case 'chat.message':
      return sendAll(room, { type: 'chat.message', message: event.message });
    case 'chat.removed':
      return sendAll(room, { type: 'chat.removed', messageId: event.messageId });
    case 'poll': {
      const type =
        event.phase === 'opened' ? 'poll.opened' : event.phase === 'closed' ? 'poll.closed' : 'poll.tally';
      for (const local of room.local.values())
        local.sink?.send({ type, poll: pollView(event.poll, local.viewer, room.info.participantIds) });
      return;
    }
    case 'permission.changed':
      room.permissions = { ...room.permissions, [event.personId]: event.canEdit };
      return sendAll(room, {
        type: 'permission.changed',
        personId: event.personId,
        canEdit: event.canEdit,
      });
    case 'lesson.switched':
      return sendAll(room, { type: 'lesson.switched', lesson: event.lesson });
    case 'lesson.instantCreated':
      return sendAll(room, { type: 'lesson.instantCreated', lesson: event.lesson });
    case 'answers.changed': {
      // Who answered is the teacher's business: a student's answers go to the hosts and to that student only
      // (a graded essay reaches its writer), a reveal (no student) to everyone.
      const { place, lessonId, studentId } = event;
      for (const local of room.local.values())
        if (studentId === null || local.viewer.roomRole === 'host' || local.viewer.personId === studentId)
          local.sink?.send({ type: 'answers.changed', place, lessonId, studentId });
      return;
    }
    case 'yjs.update': {
      const update = Buffer.from(event.data, 'base64');
      await docs.applyRelayed(room.roomId, event.doc, update);
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      const data = Buffer.from(encoding.toUint8Array(encoder)).toString('base64');
      return sendAll(room, { type: 'yjs.sync', doc: event.doc as 'lesson', data }, event.fromPeer);
    }
    case 'yjs.awareness':
      return sendAll(
        room,
        { type: 'yjs.awareness', doc: event.doc as 'lesson', data: event.data },
        event.fromPeer,
      );
  }
}
