// The shared Yjs documents of live rooms on one node: loaded from the stored snapshot plus the updates after
// it, kept current by the updates every node relays, and compacted into a new snapshot now and then so a
// join does not replay the whole session.
import * as Y from 'yjs';
import type { Db } from '../db/schema.js';

const SNAPSHOT_EVERY = 100;

type Entry = { doc: Promise<Y.Doc>; sinceSnapshot: number };

export type RoomDocs = ReturnType<typeof roomDocs>;

export function roomDocs(db: Db) {
  const docs = new Map<string, Entry>();
  const key = (roomId: string, name: string) => `${roomId}\u0000${name}`;

  async function load(roomId: string, name: string, uptoSeq?: string): Promise<Y.Doc> {
    const doc = new Y.Doc({ gc: true });
    const snapshot = await db
      .selectFrom('room_doc_snapshots')
      .select(['state', 'upto_seq'])
      .where('room_id', '=', roomId)
      .where('doc', '=', name)
      .executeTakeFirst();
    if (snapshot) Y.applyUpdate(doc, toBytes(snapshot.state));
    const updates = await db
      .selectFrom('room_doc_updates')
      .select('update')
      .where('room_id', '=', roomId)
      .where('doc', '=', name)
      .where('seq', '>', snapshot?.upto_seq ?? '0')
      .$if(uptoSeq !== undefined, (q) => q.where('seq', '<=', uptoSeq!))
      .orderBy('seq')
      .execute();
    // One merged update applies far faster than thousands of small ones.
    if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates.map((u) => toBytes(u.update))));
    return doc;
  }

  return {
    /** The document as this node holds it (loaded on first use). */
    get(roomId: string, name: string): Promise<Y.Doc> {
      const k = key(roomId, name);
      let entry = docs.get(k);
      if (!entry) {
        entry = { doc: load(roomId, name), sinceSnapshot: 0 };
        entry.doc.catch(() => docs.delete(k));
        docs.set(k, entry);
      }
      return entry.doc;
    },

    /** An update relayed by any node: applied if this node holds the document. */
    async applyRelayed(roomId: string, name: string, update: Uint8Array) {
      const entry = docs.get(key(roomId, name));
      if (entry) Y.applyUpdate(await entry.doc, update);
    },

    /** An editor's update received on this node: stored once (here), then relayed by the caller. */
    async store(roomId: string, name: string, update: Uint8Array, personId: string) {
      const inserted = await db
        .insertInto('room_doc_updates')
        .values({ room_id: roomId, doc: name, update, person_id: personId })
        .returning('seq')
        .executeTakeFirstOrThrow();
      const doc = await this.get(roomId, name);
      Y.applyUpdate(doc, update);
      const entry = docs.get(key(roomId, name))!;
      if (++entry.sinceSnapshot >= SNAPSHOT_EVERY) {
        entry.sinceSnapshot = 0;
        await snapshot(roomId, name, String(inserted.seq));
      }
    },

    /** Forgets the room's documents on this node (no local peer left); the database keeps them. */
    release(roomId: string) {
      for (const k of [...docs.keys()]) if (k.startsWith(`${roomId}\u0000`)) docs.delete(k);
    },
  };

  async function snapshot(roomId: string, name: string, uptoSeq: string) {
    // Built from the database, not from this node's copy: another node's update with a lower seq may not
    // have reached this node yet, and the snapshot must hold every update up to uptoSeq.
    const doc = await load(roomId, name, uptoSeq);
    const state = Y.encodeStateAsUpdate(doc);
    await db
      .insertInto('room_doc_snapshots')
      .values({ room_id: roomId, doc: name, state, upto_seq: uptoSeq })
      .onConflict((oc) =>
        oc.columns(['room_id', 'doc']).doUpdateSet({ state, upto_seq: uptoSeq, created_at: new Date() }),
      )
      .execute();
  }
}

const toBytes = (value: Uint8Array | Buffer) =>
  value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);
