// One WebSocket to the gateway (/rt) for the room: typed send, listeners per message type, and a reconnect that
// resumes the same peer id within the server's grace period so the call and attendance carry on.
import { i18next } from '../../i18n';
import { mark } from '../probe';
import { RECONNECT_GRACE_MS, type ClientMessage, type Joined, type ServerMessage } from './protocol';

type Listener = (message: ServerMessage) => void;
export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export class RoomSocket {
  private ws: WebSocket | null = null;
  private listeners = new Set<Listener>();
  private statusListeners = new Set<(s: SocketStatus) => void>();
  private queue: string[] = [];
  private peerId: string | null = null;
  private droppedAt = 0;
  private attempts = 0;
  private closedByUs = false;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  status: SocketStatus = 'connecting';

  constructor(
    private readonly roomId: string,
    private readonly video: boolean,
    private readonly url = `${location.origin.replace(/^http/, 'ws')}/rt`,
  ) {}

  /** Opens the socket and joins; resolves with `joined` or rejects with the server's error. */
  join(): Promise<Joined> {
    return new Promise((resolve, reject) => {
      const off = this.on((m) => {
        if (m.type === 'joined') {
          off();
          resolve(m);
        } else if (m.type === 'error' && m.ref === 'join') {
          off();
          reject(new RoomError(m.code, m.message));
        }
      });
      const offStatus = this.onStatus((s) => {
        if (s === 'closed') {
          offStatus();
          off();
          reject(new RoomError('unavailable', 'The room cannot be reached.'));
        }
      });
      this.connect();
    });
  }

  send(message: ClientMessage) {
    const frame = JSON.stringify(message);
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(frame);
    else if (message.type !== 'signal' || this.queue.length < 500) this.queue.push(frame);
  }

  on(listener: Listener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  onStatus(listener: (s: SocketStatus) => void) {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  close() {
    this.closedByUs = true;
    clearInterval(this.pingTimer);
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'leave' }));
    this.ws?.close(1000, 'left the room');
    this.setStatus('closed');
  }

  private connect() {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      mark('ws.open');
      this.attempts = 0;
      const resume =
        this.peerId && Date.now() - this.droppedAt < RECONNECT_GRACE_MS ? this.peerId : undefined;
      ws.send(JSON.stringify({ type: 'join', ref: 'join', roomId: this.roomId, video: this.video, resume }));
    };
    ws.onmessage = (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      if (message.type === 'joined') {
        mark('joined');
        this.peerId = message.peerId;
        this.setStatus('open');
        for (const frame of this.queue.splice(0)) ws.send(frame);
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.send({ type: 'ping' }), 20_000);
      }
      for (const l of [...this.listeners]) l(message);
    };
    ws.onclose = (event) => {
      clearInterval(this.pingTimer);
      if (this.closedByUs) return;
      // The server refused us (auth, origin): reconnecting would be refused again.
      if (event.code === 4401 || event.code === 4403 || (this.peerId === null && this.attempts >= 2)) {
        this.setStatus('closed');
        return;
      }
      if (this.status === 'open') this.droppedAt = Date.now();
      this.setStatus('reconnecting');
      const delay = Math.min(5000, 300 * 2 ** this.attempts++);
      setTimeout(() => !this.closedByUs && this.connect(), delay);
    };
  }

  private setStatus(s: SocketStatus) {
    if (this.status === s) return;
    this.status = s;
    for (const l of [...this.statusListeners]) l(s);
  }
}

export class RoomError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a person reads when the room refuses them or cannot be reached. */
export function friendlyRoomError(e: unknown): string {
  const code = e instanceof RoomError ? e.code : 'unavailable';
  switch (code) {
    case 'room_closed':
      return i18next.t('error.roomClosed', { ns: 'room' });
    case 'not_found':
    case 'forbidden':
      return i18next.t('error.notInvited', { ns: 'room' });
    case 'unauthenticated':
      return i18next.t('error.unauthenticated', { ns: 'room' });
    case 'rate_limited':
      return i18next.t('error.rateLimited', { ns: 'room' });
    default:
      return i18next.t('error.unavailable', { ns: 'room' });
  }
}
