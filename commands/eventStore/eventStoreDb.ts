// The EventStoreDB adapter: streams `<category>-<id>`, optimistic concurrency through expectedRevision, and
// $all (system events and our idempotency records left out) for readers. Positions are `<commit>:<prepare>`.
// EventStoreDB has no transaction across streams, so an idempotency key cannot be written with its append in
// one step as in Postgres. Instead the key is claimed first (its own stream, `no_stream`: one claim wins), naming
// the target stream, the event ids (derived from the key) and the request's digest; the append itself is the
// record of success: a key's result is read from the target stream's events with those ids. A crash between
// the claim and the append leaves a claim without events, and the retry then appends them (as a Postgres
// transaction that rolled back would).
import { createHash, randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ConcurrencyError, IdempotencyKeyReused } from '../../domain/shared/errors.js';
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
} from './port.js';
import { requestDiffers } from './port.js';

const IDEMPOTENCY = 'idempotency-';

export function eventStoreDb(url: string): EventStore {
  const client = EventStoreDBClient.connectionString(url);
  const listeners = new Set<() => void>();
  let subscription: { unsubscribe(): Promise<void> } | undefined;

  const watch = () => {
    if (subscription) return;
    const sub = client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    sub.on('data', () => listeners.forEach((l) => l()));
    sub.on('error', () => {
      subscription = undefined;
      setTimeout(() => listeners.size > 0 && watch(), 1000).unref();
    });
    subscription = sub;
  };

  type Claim = { streamId: string; eventIds: string[]; requestHash?: string };

  async function readClaim(key: string): Promise<Claim | null> {
    try {
      for await (const resolved of client.readStream(IDEMPOTENCY + hash(key), {
        fromRevision: START,
        maxCount: 1,
      })) {
        return resolved.event!.data as Claim;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return null;
  }

  /** The result of a claimed append, read from its events; null while (or if) they are not in the stream. */
  async function appendedResult(claim: Claim): Promise<AppendResult | null> {
    const last = claim.eventIds[claim.eventIds.length - 1];
    try {
      // The newest events first: a retry comes soon after the append it repeats.
      for await (const resolved of client.readStream(claim.streamId, {
        fromRevision: END,
        direction: BACKWARDS,
      })) {
        if (resolved.event?.id !== last) continue;
        const recorded = toRecorded(resolved);
        return {
          streamId: claim.streamId,
          nextRevision: recorded.streamRevision,
          position: recorded.position,
          eventIds: claim.eventIds,
          replayed: true,
          ...(claim.requestHash ? { requestHash: claim.requestHash } : {}),
        };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return null;
  }

  async function idempotentResult(key: string): Promise<AppendResult | null> {
    const claim = await readClaim(key);
    return claim ? appendedResult(claim) : null;
  }

  /** Claims the key for this append; returns the claim that holds it (another's, when one was there first). */
  async function claimKey(key: string, claim: Claim): Promise<{ mine: boolean; claim: Claim }> {
    try {
      await client.appendToStream(
        IDEMPOTENCY + hash(key),
        jsonEvent({ type: 'IdempotencyKeyClaimed', data: claim }),
        {
          expectedRevision: NO_STREAM,
        },
      );
      return { mine: true, claim };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const existing = await readClaim(key);
      if (!existing) throw error;
      return { mine: false, claim: existing };
    }
  }

  async function append(streamId: string, events: NewEvent[], ids: string[], expected: ExpectedRevision) {
    const expectedRevision =
      expected === 'no_stream'
        ? NO_STREAM
        : expected === 'any'
          ? ANY
          : expected === 'stream_exists'
            ? STREAM_EXISTS
            : BigInt(expected);
    try {
      const written = await client.appendToStream(
        streamId,
        events.map((e, i) =>
          jsonEvent({ id: ids[i]!, type: e.type, data: e.data as never, metadata: e.metadata as never }),
        ),
        { expectedRevision },
      );
      const position = written.position ? `${written.position.commit}:${written.position.prepare}` : '0:0';
      const result: AppendResult = {
        streamId,
        nextRevision: Number(written.nextExpectedRevision),
        position,
        eventIds: ids,
        replayed: false,
      };
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        throw new ConcurrencyError(streamId, expected, String(error.actualVersion));
      throw error;
    }
  }

  return {
    kind: 'eventstoredb',

    idempotentResult,

    async appendToStream(streamId, events, options) {
      const key = options.idempotencyKey;
      // With a key, event ids derive from it: a retried append names the same events.
      const ids = events.map((e, i) => e.eventId ?? (key ? uuidFrom(`${key}:${i}`) : randomUUID()));
      if (!key) return append(streamId, events, ids, options.expectedRevision);
      const wanted: Claim = {
        streamId,
        eventIds: ids,
        ...(options.requestHash ? { requestHash: options.requestHash } : {}),
      };
      const { mine, claim } = await claimKey(key, wanted);
      if (!mine) {
        if (requestDiffers(claim, options.requestHash)) throw new IdempotencyKeyReused();
        const done = await appendedResult(claim);
        if (done) return done;
      }
      // This request's append, or the completion of a claimed append that never happened (a crash in between).
      try {
        const result = await append(claim.streamId, events, claim.eventIds, options.expectedRevision);
        return options.requestHash ? { ...result, requestHash: options.requestHash } : result;
      } catch (error) {
        // Another request with the same key appended first: that append is this one's answer.
        const done = error instanceof ConcurrencyError ? await appendedResult(claim) : null;
        if (done) return done;
        throw error;
      }
    },

    async readStream(streamId, { fromRevision = 0 } = {}) {
      const out: RecordedEvent[] = [];
      try {
        for await (const resolved of client.readStream(streamId, {
          fromRevision: BigInt(fromRevision),
          direction: FORWARDS,
        })) {
          out.push(toRecorded(resolved));
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      return out;
    },

    async readAll({ after = null, limit = 1000, types } = {}) {
      const out: RecordedEvent[] = [];
      // Filtered here, not by the server's own filter: the adapter then reads $all exactly as without one.
      const wanted = types ? new Set(types) : null;
      // $all from a position includes the event at that position (dropped below). System events and our
      // idempotency claims sit between ours: read on until the page is full or $all ends, never stop at a count
      // of records, or a short page would look like the end of the log.
      for await (const resolved of client.readAll({
        fromPosition: after ? parse(after) : START,
        direction: FORWARDS,
      })) {
        if (!ours(resolved)) continue;
        const recorded = toRecorded(resolved);
        if (recorded.position === after || (wanted && !wanted.has(recorded.type))) continue;
        out.push(recorded);
        if (out.length === limit) break;
      }
      return out;
    },

    async headPosition() {
      // Backwards from the end, past any number of system events and claims, to the last of ours.
      for await (const resolved of client.readAll({ fromPosition: END, direction: BACKWARDS })) {
        if (ours(resolved)) return toRecorded(resolved).position;
      }
      return null;
    },

    async countEvents({ types } = {}) {
      // $all keeps no count of our events: count them (progress bars only; a long log takes a while).
      const wanted = types ? new Set(types) : null;
      let n = 0;
      for await (const resolved of client.readAll({ fromPosition: START, direction: FORWARDS }))
        if (ours(resolved) && (!wanted || wanted.has(resolved.event!.type))) n++;
      return n;
    },

    onAppended(listener) {
      listeners.add(listener);
      watch();
      return () => listeners.delete(listener);
    },

    async close() {
      listeners.clear();
      await subscription?.unsubscribe().catch(() => undefined);
      await client.dispose();
    },
  };
}

/** An event of the application: not a system event, not an idempotency claim. */
function ours(resolved: AllStreamResolvedEvent): boolean {
  const e = resolved.event;
  return !!e && !e.type.startsWith('$') && !e.streamId.startsWith('$') && !e.streamId.startsWith(IDEMPOTENCY);
}

function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const e = resolved.event!;
  const position = e.position ?? (resolved as AllStreamResolvedEvent).commitPosition;
  const pos =
    typeof position === 'object' && position
      ? `${position.commit}:${position.prepare}`
      : `${String(position ?? 0)}:0`;
  return {
    eventId: e.id,
    streamId: e.streamId,
    streamRevision: Number(e.revision),
    position: pos,
    type: e.type,
    data: e.data,
    metadata: e.metadata as EventMetadata,
    createdAt: new Date(e.created).toISOString(),
  };
}

const parse = (position: string) => {
  const [commit, prepare] = position.split(':');
  return { commit: BigInt(commit!), prepare: BigInt(prepare!) };
};

const hash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 40);

function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
