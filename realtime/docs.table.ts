// The tables of the live rooms' shared Yjs documents (migration 0400).
import type { Generated } from 'kysely';

export interface RoomDocUpdatesTable {
  seq: Generated<string>;
  room_id: string;
  doc: string;
  update: Uint8Array;
  person_id: string | null;
  created_at: Generated<Date>;
}

export interface RoomDocSnapshotsTable {
  room_id: string;
  doc: string;
  state: Uint8Array;
  upto_seq: string;
  created_at: Generated<Date>;
}
