// Reconciliation: repairs what a crash between the steps of a multi-stream command leaves behind, from the log.
// - A teacher's calendar slot whose session was never recorded (a crash between booking and scheduling), was
//   canceled or deleted (a crash between the session's step and the slot's) is released.
// - A reservation made when a completion was confirmed, whose completion was never recorded (a crash between
//   reserving and recording, or a refused completion that could not give it back), is released with
//   `WalletReservationReleased`, so its tokens are spendable again.
// It looks at each booking, move and reservation once it is `graceMs` old (commands in flight have finished by
// then; the log is read in order, so it waits at the first one too young), under a lease so one node does it.
// Every repair is an idempotent command: running it twice, or on two nodes, changes nothing more.
import type { Db } from '../../db/schema.js';
import type { EventStore, RecordedEvent } from '../eventStore/port.js';
import { streamId } from '../eventStore/streams.js';
import { handleCommand, loadAggregate } from '../handleCommand.js';
import { liveSessions, teacherCalendars, wallets } from '../aggregates.js';
import { causeKey } from '../../domain/wallet/events.js';
import { readCheckpoint } from '../logConsumer/checkpoints.js';
import { heldLease, nodeHolder, writeCheckpointHeld } from './leases.js';

export const RECONCILIATION = 'process:reconciliation';

export type Repair =
  | { kind: 'slot_released'; teacherId: string; liveSessionId: string; why: string }
  | { kind: 'reservation_released'; walletId: string; reservationId: string; liveSessionId: string };

type Deps = { db: Db; eventStore: EventStore; clock: { now(): Date } };

export type ReconciliationOptions = {
  /** How old a booking or reservation must be before it is checked (default 10 minutes). */
  graceMs?: number;
  /** How often to look (default 30 s). */
  intervalMs?: number;
  holder?: string;
  leaseMs?: number;
  onError?: (error: unknown) => void;
  onRepair?: (repair: Repair) => void;
};

const WATCHED = new Set(['TeachingSlotBooked', 'TeachingSlotMoved', 'WalletFundsReserved']);

export function reconciliation(deps: Deps, options: ReconciliationOptions = {}) {
  const graceMs = options.graceMs ?? 10 * 60_000;
  const holder = options.holder ?? nodeHolder();
  const lease = heldLease(deps.db, RECONCILIATION, holder, options.leaseMs ?? 10_000);
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | null = null;

  /** One pass over the log from the checkpoint: the repairs made. */
  async function runOnce(): Promise<Repair[]> {
    if (!(await lease.hold())) return [];
    const repairs: Repair[] = [];
    const after = await readCheckpoint(deps.db, RECONCILIATION);
    let position = after;
    const cutoff = deps.clock.now().getTime() - graceMs;
    scan: for (;;) {
      const events = await deps.eventStore.readAll({ after: position, limit: 200 });
      for (const event of events) {
        if (WATCHED.has(event.type)) {
          if (Date.parse(event.metadata.at) > cutoff) break scan;
          if (!(await lease.hold())) break scan;
          const repair = await check(deps, event);
          if (repair) {
            repairs.push(repair);
            options.onRepair?.(repair);
          }
        }
        position = event.position;
      }
      if (events.length < 200) break;
    }
    if (position !== after) await writeCheckpointHeld(deps.db, RECONCILIATION, holder, position);
    return repairs;
  }

  return {
    runOnce,
    start() {
      timer = setInterval(() => {
        current ??= runOnce()
          .catch((error) => options.onError?.(error))
          .finally(() => (current = null));
      }, options.intervalMs ?? 30_000);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await current;
      await lease.release().catch(() => undefined);
    },
  };
}

function check(deps: Deps, event: RecordedEvent): Promise<Repair | null> {
  if (event.type === 'WalletFundsReserved') return checkReservation(deps, event);
  return checkSlot(deps, event);
}

const contextOf = (event: RecordedEvent, deps: Deps, step: string) => ({
  orgId: event.metadata.orgId,
  actorId: null,
  now: deps.clock.now().toISOString(),
  correlationId: event.metadata.correlationId,
  causationId: event.eventId,
  idempotencyKey: `${RECONCILIATION}:${event.eventId}:${step}`,
});

/** A slot is the session's only while the session exists, is the teacher's and is neither canceled nor deleted. */
async function checkSlot(deps: Deps, event: RecordedEvent): Promise<Repair | null> {
  const { teacherId, liveSessionId } = event.data as { teacherId: string; liveSessionId: string };
  const calendar = (await loadAggregate(deps.eventStore, teacherCalendars, teacherId)).state;
  if (!calendar.slots.has(liveSessionId)) return null;
  const session = (await loadAggregate(deps.eventStore, liveSessions, liveSessionId)).state;
  const why =
    session.status === 'none'
      ? 'the session was never recorded'
      : session.status === 'canceled' || session.status === 'deleted'
        ? `the session was ${session.status}`
        : session.teacherId !== teacherId
          ? 'the session is another teacher’s'
          : null;
  if (!why) return null;
  await handleCommand(
    deps.eventStore,
    teacherCalendars,
    teacherId,
    { type: 'ReleaseTeachingSlot', teacherId, liveSessionId },
    contextOf(event, deps, 'release-slot'),
  );
  return { kind: 'slot_released', teacherId, liveSessionId, why };
}

/** A reservation is spent by the completion that carries it; one that no recorded completion carries is given back. */
async function checkReservation(deps: Deps, event: RecordedEvent): Promise<Repair | null> {
  const { walletId, reservationId, cause } = event.data as {
    walletId: string;
    reservationId: string;
    cause: { kind: 'session'; liveSessionId: string } | { kind: 'analysis' };
  };
  if (cause.kind !== 'session') return null;
  const wallet = (await loadAggregate(deps.eventStore, wallets, walletId)).state;
  const held = wallet.status === 'open' ? wallet.reservations.get(causeKey(cause)) : undefined;
  if (held?.reservationId !== reservationId) return null;
  const sessionEvents = await deps.eventStore.readStream(streamId('liveSession', cause.liveSessionId));
  const carried = sessionEvents.some((e) =>
    ((e.data as { charges?: { reservationId?: string }[] }).charges ?? []).some(
      (c) => c.reservationId === reservationId,
    ),
  );
  if (carried) return null;
  await handleCommand(
    deps.eventStore,
    wallets,
    walletId,
    {
      type: 'ReleaseWalletReservation',
      walletId,
      cause,
      reason: 'abandoned: the completion that reserved these tokens was never recorded',
    },
    contextOf(event, deps, 'release-reservation'),
  );
  return { kind: 'reservation_released', walletId, reservationId, liveSessionId: cause.liveSessionId };
}
