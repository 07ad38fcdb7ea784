// The shared documents of a room over the socket: y-protocols sync (the stored document to a joining peer, a
// peer's updates stored and relayed) and awareness (relayed only). Stored updates spend the connection's
// budget (realtime/budgets.ts); a room's documents are capped in number and size (realtime/docs.ts).
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { ClientMessage } from './messages.js';
import { canEdit } from '../commands/rooms.js';
import { noteAwareness } from './awareness.js';
import { DocumentFull } from './docs.js';
import { sendError, type Gateway, type JoinedConnection } from './connection.js';

type SyncMessage = Extract<ClientMessage, { type: 'yjs.sync' }>;
type AwarenessMessage = Extract<ClientMessage, { type: 'yjs.awareness' }>;

/** The lesson documents follow the edit permission; the whiteboard is open to everyone in the room. */
const guarded = (doc: string) => doc.startsWith('lesson');

/** A y-protocols sync step 2 or update carries no change when it holds no structs and deletes nothing. */
export function isEmptyUpdate(update: Uint8Array) {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

export async function yjsSync(gateway: Gateway, connection: JoinedConnection, message: SyncMessage) {
  const { room, local } = connection;
  const bytes = Buffer.from(message.data, 'base64');
  let kind: number;
  let payload: Uint8Array;
  try {
    const decoder = decoding.createDecoder(bytes);
    kind = decoding.readVarUint(decoder);
    payload = decoding.readVarUint8Array(decoder);
  } catch {
    return sendError(
      connection,
      'invalid_message',
      'yjs.sync data is not a y-protocols sync message',
      message.ref,
    );
  }
  if (kind === syncProtocol.messageYjsSyncStep1) {
    const doc = await gateway.docs.get(room.roomId, message.doc);
    const reply = encoding.createEncoder();
    syncProtocol.writeSyncStep2(reply, doc, payload);
    const ask = encoding.createEncoder();
    syncProtocol.writeSyncStep1(ask, doc);
    for (const data of [reply, ask])
      connection.send({
        type: 'yjs.sync',
        ref: message.ref,
        doc: message.doc,
        data: Buffer.from(encoding.toUint8Array(data)).toString('base64'),
      });
    return;
  }
  if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate)
    return sendError(connection, 'invalid_message', `unknown y-protocols sync message ${kind}`, message.ref);
  try {
    if (isEmptyUpdate(payload)) return;
  } catch {
    return sendError(connection, 'invalid_message', 'the Yjs update cannot be decoded', message.ref);
  }
  if (guarded(message.doc) && !canEdit(room, local.viewer))
    return sendError(
      connection,
      'read_only',
      'you can view this document but not edit it; the teacher can allow editing',
      message.ref,
      { doc: message.doc },
    );
  const spent = connection.updates.take(payload.byteLength);
  if (spent)
    return sendError(
      connection,
      'rate_limited',
      spent === 'messages'
        ? 'too many document changes at once; this change was not kept, slow down'
        : 'too many bytes of document changes at once; this change was not kept, slow down',
      message.ref,
      { doc: message.doc, budget: spent },
    );
  try {
    await gateway.docs.store(room.roomId, message.doc, payload, local.viewer.personId);
  } catch (error) {
    if (!(error instanceof DocumentFull)) throw error;
    return sendError(connection, 'too_large', error.message, message.ref, {
      doc: message.doc,
      limitBytes: error.limitBytes,
    });
  }
  await gateway.node.publishEvent(room.roomId, {
    type: 'yjs.update',
    doc: message.doc,
    data: Buffer.from(payload).toString('base64'),
    fromPeer: local.peer.peerId,
  });
}

export async function yjsAwareness(
  gateway: Gateway,
  connection: JoinedConnection,
  message: AwarenessMessage,
) {
  const { room, local } = connection;
  // Awareness is relayed, not stored, but a peer still names only as many documents as a room may hold.
  if (!local.awareness.has(message.doc) && local.awareness.size >= gateway.deps.config.ROOM_MAX_DOCS)
    return sendError(connection, 'rule', 'awareness for too many documents', message.ref, {
      code: 'too_many_documents',
      limit: gateway.deps.config.ROOM_MAX_DOCS,
    });
  try {
    noteAwareness(local.awareness, message.doc, Buffer.from(message.data, 'base64'));
  } catch {
    return sendError(
      connection,
      'invalid_message',
      'yjs.awareness data is not an awareness update',
      message.ref,
    );
  }
  await gateway.node.publishEvent(room.roomId, {
    type: 'yjs.awareness',
    doc: message.doc,
    data: message.data,
    fromPeer: local.peer.peerId,
  });
}
