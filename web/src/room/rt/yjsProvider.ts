// A Yjs document kept in sync through the gateway (y-protocols sync and awareness, base64 inside JSON frames).
// The server stores every update, so the document is restored from it on join.
import * as Y from 'yjs';
import * as sync from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { DocName, ServerMessage } from './protocol';
import type { RoomSocket } from './socket';

export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** True once the server's copy has been applied (the document is restored). */
  synced = false;
  private syncedListeners = new Set<() => void>();
  private offs: (() => void)[] = [];

  constructor(
    private readonly socket: RoomSocket,
    readonly name: DocName,
  ) {
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const e = encoding.createEncoder();
      sync.writeUpdate(e, update);
      this.send('yjs.sync', encoding.toUint8Array(e));
    };
    this.doc.on('update', onUpdate);
    this.offs.push(() => this.doc.off('update', onUpdate));

    const onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin === this) return;
      const changed = [...added, ...updated, ...removed];
      this.send('yjs.awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    };
    this.awareness.on('update', onAwareness);
    this.offs.push(() => this.awareness.off('update', onAwareness));

    this.offs.push(socket.on((m) => this.receive(m)));
    if (socket.status === 'open') this.start();
  }

  /** Asks the server for what we lack (sync step 1); call on every (re)join. */
  start() {
    const e = encoding.createEncoder();
    sync.writeSyncStep1(e, this.doc);
    this.send('yjs.sync', encoding.toUint8Array(e));
    if (this.awareness.getLocalState() !== null)
      this.send(
        'yjs.awareness',
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
      );
  }

  onSynced(listener: () => void) {
    if (this.synced) listener();
    else this.syncedListeners.add(listener);
    return () => void this.syncedListeners.delete(listener);
  }

  destroy() {
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
    for (const off of this.offs) off();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private receive(m: ServerMessage) {
    if (m.type === 'joined') return this.start();
    if ((m.type !== 'yjs.sync' && m.type !== 'yjs.awareness') || m.doc !== this.name) return;
    const bytes = fromBase64(m.data);
    if (m.type === 'yjs.awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, bytes, this);
      return;
    }
    const decoder = decoding.createDecoder(bytes);
    const reply = encoding.createEncoder();
    const kind = sync.readSyncMessage(decoder, reply, this.doc, this);
    if (encoding.length(reply) > 0) this.send('yjs.sync', encoding.toUint8Array(reply));
    if (kind === sync.messageYjsSyncStep2 && !this.synced) {
      this.synced = true;
      for (const l of [...this.syncedListeners]) l();
      this.syncedListeners.clear();
    }
  }

  private send(type: 'yjs.sync' | 'yjs.awareness', bytes: Uint8Array) {
    this.socket.send({ type, doc: this.name, data: toBase64(bytes) });
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

export function toBase64(bytes: Uint8Array) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string) {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}
