// What the event store contract's cases share: the harness an adapter's test hands in, fresh streams and events.
import { randomUUID } from 'node:crypto';
import type * as uvu from 'uvu';
import type { EventStore, NewEvent } from './port.js';

export type ContractHarness = {
  store: EventStore;
  /**
   * Starts an append whose transaction stays open until `commit` is called (where the store has such a thing).
   * Returns once the rows are written but not committed.
   */
  holdOpenAppend(streamId: string, events: NewEvent[]): Promise<{ commit(): Promise<void> }>;
  close(): Promise<void>;
};

const meta = () => ({
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actorId: null,
  orgId: randomUUID(),
  at: new Date().toISOString(),
});
export const newEvents = (n: number, type = 'Thing'): NewEvent[] =>
  Array.from({ length: n }, (_, i) => ({ type, data: { i, text: `é ${i} "quoted"` }, metadata: meta() }));
export const stream = () => `test-${randomUUID()}`;

export type ContractSuite = uvu.Test<{ h: ContractHarness }>;
