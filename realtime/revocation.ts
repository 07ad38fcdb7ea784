// Live connections are re-checked on the server's own clock, not only when the browser sends something: every
// SESSION_RECHECK_MS each connection's session (signed out, expired, deactivated, erased) and, when it is in a
// room, its membership (removed from the session) are read again; a revocation published on the bus
// (bus/revocations.ts) re-checks the connections concerned at once, on every node.
import { actorForToken } from '../auth/sessions.js';
import { roomMembership } from '../auth/roomAccess.js';
import { PERSON_REVOKED, ROOM_REVOKED } from '../bus/revocations.js';
import { leaveRoom } from './join.js';
import { sendError, type Connection, type Gateway } from './connection.js';

export const CLOSE_SESSION_ENDED = 4401;
export const CLOSE_NOT_A_MEMBER = 4403;

/** Reads the connection's session and room membership again; closes it when either is gone. */
export async function recheckConnection(gateway: Gateway, connection: Connection): Promise<boolean> {
  if (connection.socket.readyState !== connection.socket.OPEN) return false;
  const now = gateway.deps.clock.now();
  const actor = await actorForToken(gateway.deps.db, connection.token, now);
  if (!actor || actor.personId !== connection.actor.personId) {
    sendError(connection, 'unauthenticated', 'your session has ended; sign in again');
    await leaveRoom(gateway, connection, 'left');
    connection.socket.close(CLOSE_SESSION_ENDED, 'session ended');
    return false;
  }
  connection.actor = actor;
  connection.sessionCheckedAt = now.getTime();
  const roomId = connection.room?.roomId;
  if (roomId) {
    const member = await roomMembership(gateway.deps, actor, roomId).then(
      () => true,
      () => false,
    );
    if (!member) {
      sendError(connection, 'forbidden', 'you are no longer a member of this room');
      await leaveRoom(gateway, connection, 'left');
      connection.socket.close(CLOSE_NOT_A_MEMBER, 'no longer a member');
      return false;
    }
  }
  return true;
}

/** Queued behind the connection's messages, so a check never interleaves with one. */
const enqueue = (gateway: Gateway, connection: Connection) => {
  connection.queue = connection.queue
    .then(() => recheckConnection(gateway, connection))
    .then(
      () => undefined,
      (error: unknown) => gateway.log('connection re-check', error),
    );
};

/** Starts the periodic re-check and the bus subscriptions; returns the function that stops them. */
export function watchRevocations(gateway: Gateway, everyMs: number) {
  const timer = setInterval(() => {
    for (const connection of gateway.connections) enqueue(gateway, connection);
  }, everyMs);
  timer.unref();
  const idOf = (subject: string) => subject.split('.').slice(1, -1).join('.');
  const offPerson = gateway.deps.bus.subscribe(PERSON_REVOKED, ({ subject }) => {
    const personId = idOf(subject);
    for (const connection of gateway.connections)
      if (connection.actor.personId === personId) enqueue(gateway, connection);
  });
  const offRoom = gateway.deps.bus.subscribe(ROOM_REVOKED, ({ subject }) => {
    const roomId = idOf(subject);
    for (const connection of gateway.connections)
      if (connection.room?.roomId === roomId) enqueue(gateway, connection);
  });
  return () => {
    clearInterval(timer);
    offPerson();
    offRoom();
  };
}
