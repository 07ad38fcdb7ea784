// The gateway's side of the SFU: a joined peer's `sfu.*` messages go to Janus through realtime/sfu/sfu.ts, in a
// room that uses the SFU; Janus being away is `unavailable` (the browser retries), not an internal error.
import { sendError, type Gateway, type JoinedConnection } from '../connection.js';
import { JanusError } from './janusClient.js';
import type { SfuMessage } from './sfu.js';

export async function handleSfuMessage(gateway: Gateway, connection: JoinedConnection, message: SfuMessage) {
  const { room, local } = connection;
  if (!gateway.sfu || room.media !== 'sfu')
    return sendError(connection, 'rule', 'this room sends media peer to peer', message.ref, {
      code: 'not_sfu',
    });
  try {
    await gateway.sfu.handle(
      {
        roomId: room.roomId,
        peerId: local.peer.peerId,
        personId: local.viewer.personId,
        host: local.viewer.roomRole === 'host',
        send: (m) => local.sink?.send(m),
      },
      message,
    );
  } catch (error) {
    if (!(error instanceof JanusError)) throw error;
    gateway.log(`sfu ${message.type} in ${room.roomId}`, error);
    sendError(connection, 'unavailable', 'group video is unavailable for a moment; retrying', message.ref, {
      sfu: message.type,
    });
  }
}
