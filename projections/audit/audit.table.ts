// The audit read model (migrations/0101_audit.ts): one row per event.
import type { Selectable } from 'kysely';

export interface AuditEventsTable {
  event_id: string;
  /** Commit order, from the store's position (`<tx>:<n>` in Postgres); numeric, never a JS number. */
  seq_major: string;
  seq_minor: string;
  org_id: string | null;
  at: Date | string;
  actor_id: string | null;
  stream_id: string;
  stream_revision: number;
  type: string;
  correlation_id: string | null;
  causation_id: string | null;
  live_session_id: string | null;
  training_id: string | null;
  /** Every id the event mentions (people, sessions, courses, ...): "everything about X" is X = ANY(ref_ids). */
  ref_ids: string[];
}

export type AuditEvent = Selectable<AuditEventsTable>;

/** The ids of anonymous polls (migration 0800): answers to them are recorded without who answered. */
export interface AuditAnonymousPollsTable {
  poll_id: string;
}
