// The shared Yjs documents of live rooms on one node: loaded from the stored snapshot plus the updates after
// it, kept current by the updates every node relays, and compacted into a new snapshot now and then so a
// join does not replay the whole session. A room holds at most ROOM_MAX_DOCS documents, each of at most
// ROOM_DOC_MAX_BYTES (counted as its state when loaded plus every update since).
import * as Y from 'yjs';
import type { Db } from '../db/schema.js';
import { loadConfig, type Config } from '../kernel/config.js';
import { RuleViolation } from '../domain/shared/errors.js';

const SNAPSHOT_EVERY = 100;

type Entry = { doc: Promise<Y.Doc>; sinceSnapshot: number; bytes: number };

export type RoomDocs = ReturnType<typeof roomDocs>;
export type DocLimits = Pick<Config, 'ROOM_MAX_DOCS' | 'ROOM_DOC_MAX_BYTES'>;

/** A document that would grow past ROOM_DOC_MAX_BYTES. */
export class DocumentFull extends Error {
  constructor(
    readonly doc: string,
    readonly limitBytes: number,
  ) {
    super(`the document ${doc} is full (at most ${limitBytes} bytes); this change was not kept`);
  }
}

export function roomDocs(db: Db, limits: DocLimits = loadConfig({})) {
  const docs = new Map<string, Entry>();
  const key = (roomId: string, name: string) => `${roomId}\u0000${name}`;
  const namesHere = (roomId: string) =>
    [...docs.keys()].filter((k) => k.startsWith(`${roomId}\u0000`)).length;
  const tooMany = () =>
    new RuleViolation(
      'too_many_documents',
      `this room already has ${limits.ROOM_MAX_DOCS} shared documents; use one of them`,
      { limit: limits.ROOM_MAX_DOCS },
    );

  /** A name this node does not hold yet: refused when the room already has its fill of documents. */
  async function admit(roomId: string, name: string) {
    if (namesHere(roomId) >= limits.ROOM_MAX_DOCS) throw tooMany();
    const stored = await db
      .selectFrom('room_doc_updates')
      .select('doc')
      .distinct()
      .where('room_id', '=', roomId)
      .limit(limits.ROOM_MAX_DOCS + 1)
      .execute();
    const names = new Set(stored.map((r) => r.doc));
    if (!names.has(name) && names.size >= limits.ROOM_MAX_DOCS) throw tooMany();
  }

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
    /** The document as this node holds it (loaded on first use; refused past ROOM_MAX_DOCS names). */
    async get(roomId: string, name: string): Promise<Y.Doc> {
      const k = key(roomId, name);
      let entry = docs.get(k);
      if (!entry) {
        await admit(roomId, name);
        entry = docs.get(k);
      }
      if (!entry) {
        const loading: Entry = { doc: load(roomId, name), sinceSnapshot: 0, bytes: 0 };
        loading.doc.then(
          (doc) => (loading.bytes = Y.encodeStateAsUpdate(doc).byteLength),
          () => docs.delete(k),
        );
        docs.set(k, loading);
        entry = loading;
      }
      return entry.doc;
    },

    /** An update relayed by any node: applied if this node holds the document. */
    async applyRelayed(roomId: string, name: string, update: Uint8Array) {
      const entry = docs.get(key(roomId, name));
      if (!entry) return;
      Y.applyUpdate(await entry.doc, update);
      entry.bytes += update.byteLength;
    },

    /**
     * An editor's update received on this node: stored once (here), then relayed by the caller. Throws
     * DocumentFull (nothing stored) when the document would grow past ROOM_DOC_MAX_BYTES.
     */
    async store(roomId: string, name: string, update: Uint8Array, personId: string) {
      const doc = await this.get(roomId, name);
      const entry = docs.get(key(roomId, name))!;
      if (entry.bytes + update.byteLength > limits.ROOM_DOC_MAX_BYTES)
        throw new DocumentFull(name, limits.ROOM_DOC_MAX_BYTES);
      entry.bytes += update.byteLength;
      const inserted = await db
        .insertInto('room_doc_updates')
        .values({ room_id: roomId, doc: name, update, person_id: personId })
        .returning('seq')
        .executeTakeFirstOrThrow();
      Y.applyUpdate(doc, update);
      if (++entry.sinceSnapshot >= SNAPSHOT_EVERY) {
        entry.sinceSnapshot = 0;
        await snapshot(roomId, name, String(inserted.seq));
        // Compacted: the document counts as its state again (deleted content collected).
        entry.bytes = Y.encodeStateAsUpdate(doc).byteLength;
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
