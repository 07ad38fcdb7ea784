// Revocations on the bus: when someone signs out, is deactivated or erased, or is removed from a live session,
// the command side publishes it and every node's WebSocket gateway re-checks the connections concerned at once
// (realtime/revocation.ts), instead of at its next periodic check.
import type { Bus } from './port.js';

export const personRevoked = (personId: string) => `person.${personId}.revoked`;
export const roomRevoked = (roomId: string) => `room.${roomId}.revoked`;
export const PERSON_REVOKED = 'person.*.revoked';
export const ROOM_REVOKED = 'room.*.revoked';

const EMPTY = new Uint8Array();

/** Tells every node that this person's live connections must be checked again now. Never throws. */
export async function publishPersonRevoked(bus: Bus, personId: string) {
  await bus.publish(personRevoked(personId), EMPTY).catch(() => undefined);
}

/** Tells every node that the members of this room must be checked again now. Never throws. */
export async function publishRoomRevoked(bus: Bus, roomId: string) {
  await bus.publish(roomRevoked(roomId), EMPTY).catch(() => undefined);
}
