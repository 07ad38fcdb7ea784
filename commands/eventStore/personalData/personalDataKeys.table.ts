// The per-person data keys that seal personal text in events (migration 0820). Erasure sets `key` to null:
// the row stays as a tombstone, so text about an erased person is never sealed with a fresh key again.

export interface PersonalDataKeysTable {
  person_id: string;
  /** 32 random bytes (AES-256-GCM); null once the person is erased. */
  key: Buffer | null;
  created_at: Date | string;
  erased_at: Date | string | null;
}
