// What a room's shared documents hold once the session is over: the lesson documents (as text and as one Yjs
// update a read-only editor can show) and the whiteboard's drawing. Read from the stored snapshot plus every
// update after it, the same way a node loads a document when someone joins.
import * as Y from 'yjs';
import type { Db } from '../../db/schema.js';

/** The lesson documents of a room: `lesson` (the session lesson) and `lesson:<id>` (a lesson shown instead). */
const isLessonDoc = (name: string) => name === 'lesson' || name.startsWith('lesson:');

/** TipTap keeps the document in this XML fragment (its Collaboration extension's `field`). */
const LESSON_FIELD = 'default';

const toBytes = (value: Uint8Array | Buffer) =>
  value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);

async function loadDoc(db: Db, roomId: string, name: string): Promise<Y.Doc> {
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
    .orderBy('seq')
    .execute();
  if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates.map((u) => toBytes(u.update))));
  return doc;
}

/** The names of the room's stored documents. */
async function docNames(db: Db, roomId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('room_doc_updates')
    .select('doc')
    .distinct()
    .where('room_id', '=', roomId)
    .union(db.selectFrom('room_doc_snapshots').select('doc').where('room_id', '=', roomId))
    .execute();
  return rows.map((r) => r.doc).sort();
}

/** Plain text of a TipTap fragment: one line per paragraph, heading or list item. */
export function fragmentText(node: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  let line = '';
  const walk = (n: Y.XmlFragment | Y.XmlElement) => {
    for (const child of n.toArray()) {
      if (child instanceof Y.XmlText) line += child.toString().replace(/<[^>]*>/g, '');
      else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'hardBreak') {
          line += '\n';
          continue;
        }
        walk(child);
        if (line !== '') lines.push(line);
        line = '';
      }
    }
  };
  walk(node);
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

export type LessonDocumentRecord = { doc: string; text: string; update: string };

/** The room's lesson documents, each as text and as its whole state (base64 Yjs update), by name. */
export async function lessonDocuments(db: Db, roomId: string): Promise<LessonDocumentRecord[]> {
  const names = (await docNames(db, roomId)).filter(isLessonDoc);
  const out: LessonDocumentRecord[] = [];
  for (const name of names) {
    const doc = await loadDoc(db, roomId, name);
    out.push({
      doc: name,
      text: fragmentText(doc.getXmlFragment(LESSON_FIELD)),
      update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
    });
    doc.destroy();
  }
  return out;
}

// Excalidraw's fractional indices order by code unit, not by locale.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type WhiteboardElement = Record<string, unknown> & { id: string; type: string };

/** The whiteboard's drawing as it was left: Excalidraw elements, deleted ones left out, in drawing order. */
export async function whiteboardScene(db: Db, roomId: string): Promise<WhiteboardElement[]> {
  const doc = await loadDoc(db, roomId, 'whiteboard');
  const elements = [...doc.getMap<WhiteboardElement & { isDeleted?: boolean }>('elements').values()]
    .filter((e) => e && typeof e === 'object' && !e.isDeleted)
    .sort((a, b) => byCodeUnits(String(a.index ?? ''), String(b.index ?? '')) || byCodeUnits(a.id, b.id));
  doc.destroy();
  return elements;
}
