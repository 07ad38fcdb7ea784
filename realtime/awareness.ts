// Awareness (cursors, selections, who is looking) of a peer who leaves: the server remembers the Yjs client
// ids a peer announced per document, and on leave tells the room those clients are gone, so their cursors
// vanish at once instead of after the 30-second awareness timeout.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** doc -> clientId -> the latest awareness clock seen. */
export type AwarenessSeen = Map<string, Map<number, number>>;

/** Records the client ids and clocks of an awareness update (y-protocols/awareness encoding). */
export function noteAwareness(seen: AwarenessSeen, doc: string, update: Uint8Array) {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  let clients = seen.get(doc);
  if (!clients) seen.set(doc, (clients = new Map()));
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (state === 'null') clients.delete(clientId);
    else clients.set(clientId, clock);
  }
}

/** The awareness updates that remove every client the peer announced, per document. */
export function removals(seen: AwarenessSeen): { doc: string; data: string }[] {
  const out: { doc: string; data: string }[] = [];
  for (const [doc, clients] of seen) {
    if (clients.size === 0) continue;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, clients.size);
    for (const [clientId, clock] of clients) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock + 1);
      encoding.writeVarString(encoder, 'null');
    }
    out.push({ doc, data: Buffer.from(encoding.toUint8Array(encoder)).toString('base64') });
  }
  return out;
}
