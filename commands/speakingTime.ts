// Speaking time in a live room: each person's browser measures their own voice activity from their microphone
// and reports the seconds at most every 10 s; the room records them (RoomSpeakingTimeRecorded) and the host
// reads the balance while the lesson runs. Post-session summaries read the same facts.
import type { EventStore } from './eventStore/port.js';
import type { Bus } from '../bus/port.js';
import type { Db } from '../db/schema.js';
import { loadAggregate } from './handleCommand.js';
import { rooms } from './aggregates.js';
import { namesOf, runRoomCommand } from './rooms.js';
import { requireOpen, roomMembership } from '../auth/roomAccess.js';
import { speakingBalance } from '../domain/room/speaking.js';
import type { Actor } from '../auth/sessions.js';

type Deps = { db: Db; eventStore: EventStore; bus: Bus };

/** Records the actor's own speaking seconds in an open room they are in. */
export async function recordSpeakingTime(
  deps: Deps,
  actor: Actor,
  roomId: string,
  seconds: number,
  now: Date,
  context: { correlationId?: string },
) {
  const { info, roomRole } = await roomMembership(deps, actor, roomId);
  requireOpen(info, now);
  await runRoomCommand(
    deps,
    info,
    actor,
    {
      type: 'RecordSpeakingTime',
      roomId,
      now: now.toISOString(),
      actor: { personId: actor.personId, roomRole },
      seconds,
    },
    context,
  );
  return speakingOf(deps, actor, roomId);
}

/** The balance: the host sees everyone; a participant only their own seconds. */
export async function speakingOf(deps: Deps, actor: Actor, roomId: string) {
  const { info, roomRole } = await roomMembership(deps, actor, roomId);
  const { state } = await loadAggregate(deps.eventStore, rooms, roomId);
  const balance = speakingBalance(state.speaking, info.hostIds, info.participantIds);
  const visible =
    roomRole === 'host' ? balance.people : balance.people.filter((p) => p.personId === actor.personId);
  const names = await namesOf(
    deps.db,
    visible.map((p) => p.personId),
  );
  return {
    ...(roomRole === 'host'
      ? balance
      : { totalSeconds: null, hostSeconds: null, participantSeconds: null, participantShare: null }),
    people: visible.map((p) => ({
      ...p,
      name: names.get(p.personId) ?? null,
      role: info.hostIds.includes(p.personId) ? ('host' as const) : ('participant' as const),
      share: roomRole === 'host' ? p.share : null,
    })),
  };
}
