// A process manager: reacts to events with further commands. It runs like a projection (its own checkpoint,
// in order, from the log) but writes to the event store, so it is at-least-once: every command it issues
// carries an idempotency key derived from the event, which makes a repeat append nothing.
import { createHash } from 'node:crypto';
import { AppError, ConcurrencyError } from '../../domain/shared/errors.js';
import type { DomainEventType, RecordedDomainEvent } from '../logConsumer/domainEvents.js';

export type Process = {
  name: string;
  handles: ReadonlySet<DomainEventType>;
  /**
   * Gets the events of the types it handles, typed (the runner narrows them). Returns the position of the last
   * event it appended, if any (so waiters can wait for its effects).
   */
  handle(event: RecordedDomainEvent): Promise<string | null | void>;
};

/** A UUID-shaped id that is the same every time for the same seed (a retried process names the same entry). */
export function deterministicId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * An error worth trying again later: a concurrency conflict that outlived the handler's retries, or anything that
 * is not the domain's answer (the database or the network failed). The domain's other refusals are final.
 */
export function isTransient(error: unknown): boolean {
  return error instanceof ConcurrencyError || !(error instanceof AppError);
}
