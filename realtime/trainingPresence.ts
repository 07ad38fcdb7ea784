// Presence in a training event's room (`te-<trainingEventId>`) as attendance: a registered learner in the room
// once the event has started is recorded (commands/trainingPresence.ts), and the process trainingPresence takes
// their attendance from it. A learner who joins early (the room opens 10 minutes before the start) is looked at
// again every PRESENCE_RECHECK_MS on the server's clock and recorded at the start if still in the room. Trainers
// and admins who drop in are not attendance. A restart loses the waiting looks, not the presence: browsers
// rejoin and are recorded then; a presence already recorded is not recorded again.
import { recordTrainingRoomPresence } from '../commands/trainingPresence.js';
import { ROOM_OPENS_BEFORE_MS } from '../auth/roomAccess.js';
import { RuleViolation } from '../domain/shared/errors.js';
import type { LocalRoom } from './roomNode.js';
import type { Gateway } from './connection.js';

export const PRESENCE_RECHECK_MS = 5_000;

/** Learners waiting in a room for the start, per gateway: `<roomId>/<personId>` -> the look's timer. */
const waiting = new WeakMap<Gateway, Map<string, NodeJS.Timeout>>();

const inRoom = (room: LocalRoom, personId: string) =>
  [...room.local.values()].some((l) => l.viewer.personId === personId);

/** A person joined a training event's room: a registered learner is recorded now, or at the start. */
export async function trainingRoomJoined(gateway: Gateway, room: LocalRoom, personId: string) {
  const { info } = room;
  if (info.kind !== 'trainingEvent' || !info.participantIds.includes(personId)) return;
  const start = Date.parse(info.opensAt) + ROOM_OPENS_BEFORE_MS;
  if (gateway.deps.clock.now().getTime() >= start) return record(gateway, room, personId);
  const timers = waiting.get(gateway) ?? new Map<string, NodeJS.Timeout>();
  waiting.set(gateway, timers);
  const key = `${info.roomId}/${personId}`;
  if (timers.has(key)) return;
  const look = () => {
    timers.delete(key);
    if (!inRoom(room, personId)) return;
    if (gateway.deps.clock.now().getTime() < start) return wait();
    void record(gateway, room, personId);
  };
  const wait = () => {
    const timer = setTimeout(look, PRESENCE_RECHECK_MS);
    timer.unref();
    timers.set(key, timer);
  };
  wait();
}

async function record(gateway: Gateway, room: LocalRoom, personId: string) {
  const trainingEventId = room.info.roomId.slice('te-'.length);
  try {
    await recordTrainingRoomPresence(gateway.deps, {
      orgId: room.info.orgId,
      trainingEventId,
      learnerId: personId,
      at: gateway.deps.clock.now().toISOString(),
    });
  } catch (error) {
    // Past the end, canceled, no longer registered: presence that does not count, not a failure.
    if (error instanceof RuleViolation) return;
    gateway.log(`training presence of ${personId} in ${room.info.roomId} not recorded`, error);
  }
}
