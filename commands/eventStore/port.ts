// The event store port. Two adapters implement it (postgres.ts, eventStoreDb.ts) and both pass contract.ts.

/** Who and why, stored with every event. Never personal data: people are referred to by id. */
export type EventMetadata = {
  commandId: string;
  correlationId: string;
  causationId: string;
  actorId: string | null;
  orgId: string;
  at: string;
};

export type NewEvent = {
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /** Optional; generated when absent. Unique across the store. */
  eventId?: string;
};

export type RecordedEvent = {
  eventId: string;
  streamId: string;
  /** 0-based position of the event in its stream. */
  streamRevision: number;
  /** Opaque, ordered only by the store that produced it; checkpoints store it as text. */
  position: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  createdAt: string;
};

/** `no_stream`: the stream must not exist; `any`: no check; a number: the stream's last revision must be it. */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | number;

export type AppendOptions = {
  expectedRevision: ExpectedRevision;
  /** A repeated key appends nothing and returns the first append's result with `replayed: true`. */
  idempotencyKey?: string;
  /**
   * A digest of the request the key was sent with, kept with the key: the key sent again with another digest
   * appends nothing and fails with IdempotencyKeyReused (422).
   */
  requestHash?: string;
};

export type AppendResult = {
  streamId: string;
  /** The stream's last revision after the append. */
  nextRevision: number;
  position: string;
  eventIds: string[];
  replayed: boolean;
  /** The request digest the idempotency key was first used with (in idempotent results). */
  requestHash?: string;
};

/** True when a key's recorded request digest and this request's are both known and differ. */
export const requestDiffers = (recorded: { requestHash?: string } | null, requestHash: string | undefined) =>
  !!recorded?.requestHash && !!requestHash && recorded.requestHash !== requestHash;

export type ReadAllOptions = {
  after?: string | null;
  limit?: number;
  /**
   * Only events of these types (a rebuild reads just what its read model handles). The others are skipped where
   * the events are stored, so a page may end far before the log's end; an empty page still means the end.
   */
  types?: readonly string[];
};

export interface EventStore {
  /** Human-readable name for /health. */
  readonly kind: string;
  appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** The result of the append that used this idempotency key, if any. */
  idempotentResult(key: string): Promise<AppendResult | null>;
  /** All events of a stream in revision order; empty when it does not exist. */
  readStream(streamId: string, options?: { fromRevision?: number }): Promise<RecordedEvent[]>;
  /**
   * Events of all streams in commit order after a position (null: from the start). Never returns an event
   * before one that could still commit earlier, so a reader that checkpoints the last position skips nothing.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last event a reader could see now, or null when the store is empty. */
  headPosition(): Promise<string | null>;
  /** Calls `listener` (without arguments) when new events may be readable. Returns an unsubscribe function. */
  onAppended(listener: () => void): () => void;
  /** How many events the store holds, for progress bars; optional where counting is expensive. */
  countEvents?(options?: { types?: readonly string[] }): Promise<number>;
  /**
   * Before reading the whole log (a rebuild): makes sure the store reads it the fast way, for example that the
   * database has statistics of a freshly restored or loaded log, without which it picks slow plans for reads by type.
   */
  readyForReplay?(): Promise<void>;
  close(): Promise<void>;
}

export const startPosition = null;
