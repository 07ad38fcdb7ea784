// The EventStoreDB adapter: streams `<category>-<id>`, optimistic concurrency through expectedRevision, and
// $all (system events and our idempotency records left out) for readers. Positions are `<commit>:<prepare>`.
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
import type { AppendResult, EventMetadata, EventStore, RecordedEvent } from './port.js';
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

  async function idempotentResult(key: string): Promise<AppendResult | null> {
    try {
      for await (const resolved of client.readStream(IDEMPOTENCY + hash(key), {
        fromRevision: START,
        maxCount: 1,
      })) {
        return { ...(resolved.event!.data as AppendResult), replayed: true };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return null;
  }

  return {
    kind: 'eventstoredb',

    idempotentResult,

    async appendToStream(streamId, events, options) {
      if (options.idempotencyKey) {
        const previous = await idempotentResult(options.idempotencyKey);
        if (requestDiffers(previous, options.requestHash)) throw new IdempotencyKeyReused();
        if (previous) return previous;
      }
      // With a key, event ids derive from it: EventStoreDB itself then ignores a retried identical write.
      const ids = events.map(
        (e, i) =>
          e.eventId ?? (options.idempotencyKey ? uuidFrom(`${options.idempotencyKey}:${i}`) : randomUUID()),
      );
      const expected = options.expectedRevision;
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
        if (options.idempotencyKey) {
          // Recorded after the append; a crash between the two leaves the deterministic ids to catch a retry.
          await client
            .appendToStream(
              IDEMPOTENCY + hash(options.idempotencyKey),
              jsonEvent({
                type: 'IdempotencyKeyUsed',
                data: (options.requestHash
                  ? { ...result, requestHash: options.requestHash }
                  : result) as never,
              }),
              { expectedRevision: NO_STREAM },
            )
            .catch((error) => {
              if (!(error instanceof WrongExpectedVersionError)) throw error;
            });
        }
        return result;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError)
          throw new ConcurrencyError(streamId, expected, String(error.actualVersion));
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

    async readAll({ after = null, limit = 1000 } = {}) {
      const out: RecordedEvent[] = [];
      const fromPosition = after ? parse(after) : START;
      // $all from a position includes the event at that position: read one more and drop it.
      for await (const resolved of client.readAll({
        fromPosition,
        maxCount: limit + 1,
        direction: FORWARDS,
      })) {
        const e = resolved.event;
        if (!e || e.type.startsWith('$') || e.streamId.startsWith('$') || e.streamId.startsWith(IDEMPOTENCY))
          continue;
        const recorded = toRecorded(resolved);
        if (recorded.position === after) continue;
        out.push(recorded);
        if (out.length === limit) break;
      }
      return out;
    },

    async headPosition() {
      for await (const resolved of client.readAll({
        fromPosition: END,
        direction: BACKWARDS,
        maxCount: 100,
      })) {
        const e = resolved.event;
        if (
          e &&
          !e.type.startsWith('$') &&
          !e.streamId.startsWith('$') &&
          !e.streamId.startsWith(IDEMPOTENCY)
        )
          return toRecorded(resolved).position;
      }
      return null;
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
