// The per-person data keys (table personal_data_keys). A key is made the first time text of a person is sealed;
// erasure destroys it and leaves a tombstone, so nothing sealed for them opens again, and later text about them
// is stored as the placeholder instead of under a new key.
import { randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../../db/schema.js';

/** The key of each person (null: erased; absent: none yet). */
export type Keys = Map<string, Buffer | null>;

const toBuffer = (k: unknown) => (k === null ? null : Buffer.from(k as Uint8Array));

export async function readKeys(db: DbOrTrx, personIds: Iterable<string>): Promise<Keys> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('personal_data_keys')
    .select(['person_id', 'key'])
    .where('person_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.person_id, toBuffer(r.key)]));
}

/** The keys of these people, made for whoever has none yet (erased people keep none). */
export async function keysForSealing(db: DbOrTrx, personIds: Iterable<string>, now: Date): Promise<Keys> {
  const ids = [...new Set(personIds)];
  const keys = await readKeys(db, ids);
  const missing = ids.filter((id) => !keys.has(id));
  if (missing.length === 0) return keys;
  await db
    .insertInto('personal_data_keys')
    .values(
      missing.map((person_id) => ({ person_id, key: randomBytes(32), created_at: now, erased_at: null })),
    )
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
  // Another node may have made some at the same moment: read what won.
  for (const [id, key] of await readKeys(db, missing)) keys.set(id, key);
  return keys;
}

/** Destroys a person's key for good (a tombstone stays). */
export async function destroyKey(db: DbOrTrx, personId: string, now: Date) {
  await db
    .insertInto('personal_data_keys')
    .values({ person_id: personId, key: null, created_at: now, erased_at: now })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ key: null, erased_at: now }))
    .execute();
}
