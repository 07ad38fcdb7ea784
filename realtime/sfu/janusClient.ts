// A small client for Janus' WebSocket API (https://janus.conf.meetecho.com/docs/rest.html): one connection per
// server node, requests matched to answers by transaction, sessions kept alive, and a reconnect after a lost
// connection. Janus ends the sessions of a lost connection at once, so every session is then told it is gone
// (`onGone`) and its users start over.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

export type JanusJsep = { type: 'offer' | 'answer'; sdp: string };
/** A plugin's answer or event: its data and, for offers and answers, the JSEP. */
export type PluginEvent = { data: Record<string, unknown>; jsep?: JanusJsep };

type Frame = {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: JanusJsep;
  error?: { code: number; reason: string };
};

type Pending = {
  resolve(frame: Frame): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  /** Answered by `ack` (trickle, keepalive) rather than by `success` or a plugin `event`. */
  ackOnly: boolean;
};

export class JanusError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const REQUEST_TIMEOUT_MS = 10_000;
const KEEPALIVE_MS = 25_000;
const CONNECT_TIMEOUT_MS = 5_000;

export class JanusClient {
  private ws: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private pending = new Map<string, Pending>();
  private sessions = new Map<number, JanusSession>();
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempts = 0;

  constructor(
    readonly url: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** The open connection, opened (or reopened) when needed; rejects when Janus cannot be reached. */
  connection(): Promise<WebSocket> {
    if (this.closed) return Promise.reject(new JanusError(0, 'the Janus client is closed'));
    if (this.ws?.readyState === WebSocket.OPEN) return Promise.resolve(this.ws);
    this.opening ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(this.url, 'janus-protocol');
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new JanusError(0, `Janus did not answer at ${this.url}`));
      }, CONNECT_TIMEOUT_MS);
      ws.on('open', () => {
        clearTimeout(timer);
        this.ws = ws;
        this.attempts = 0;
        resolve(ws);
      });
      ws.on('message', (raw) => this.onFrame(String(raw)));
      ws.on('error', (error) => {
        clearTimeout(timer);
        reject(new JanusError(0, `Janus at ${this.url}: ${error.message}`));
      });
      ws.on('close', () => {
        clearTimeout(timer);
        if (this.ws === ws) this.onLost();
        reject(new JanusError(0, `Janus at ${this.url} closed the connection`));
      });
    }).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  async createSession(): Promise<JanusSession> {
    const answer = await this.request({ janus: 'create' });
    const session = new JanusSession(this, answer.data!.id!);
    this.sessions.set(session.id, session);
    return session;
  }

  /** Sends a request and resolves with its answer (`success`, or the plugin's `event` for async messages). */
  async request(body: Record<string, unknown>, ackOnly = false): Promise<Frame> {
    const ws = await this.connection();
    const transaction = randomBytes(9).toString('base64url');
    return new Promise<Frame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new JanusError(0, `Janus did not answer ${String(body.janus)} in time`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(transaction, { resolve, reject, timer, ackOnly });
      ws.send(JSON.stringify({ ...body, transaction }), (error) => {
        if (!error) return;
        clearTimeout(timer);
        this.pending.delete(transaction);
        reject(new JanusError(0, `Janus: ${error.message}`));
      });
    });
  }

  forget(session: JanusSession) {
    this.sessions.delete(session.id);
  }

  close() {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const session of this.sessions.values()) session.stop();
    this.sessions.clear();
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(new JanusError(0, 'the Janus client is closed'));
    }
    this.pending.clear();
    this.ws?.close(1000);
    this.ws = null;
  }

  private onFrame(text: string) {
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch {
      return;
    }
    const waiting = frame.transaction ? this.pending.get(frame.transaction) : undefined;
    if (waiting) {
      if (frame.janus === 'ack' && !waiting.ackOnly) return;
      this.pending.delete(frame.transaction!);
      clearTimeout(waiting.timer);
      if (frame.janus === 'error')
        return waiting.reject(new JanusError(frame.error?.code ?? 0, frame.error?.reason ?? 'Janus error'));
      const data = frame.plugindata?.data;
      if (data && typeof data.error_code === 'number')
        return waiting.reject(new JanusError(data.error_code, String(data.error ?? 'plugin error')));
      return waiting.resolve(frame);
    }
    if (frame.janus === 'ack' || frame.janus === 'success') return;
    const session = frame.session_id ? this.sessions.get(frame.session_id) : undefined;
    session?.onEvent(frame);
  }

  private onLost() {
    this.ws = null;
    for (const [transaction, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new JanusError(0, 'the connection to Janus was lost'));
      this.pending.delete(transaction);
    }
    const gone = [...this.sessions.values()];
    this.sessions.clear();
    for (const session of gone) session.lost();
    if (this.closed) return;
    this.log(`the connection to Janus at ${this.url} was lost; reconnecting`);
    const delay = Math.min(5000, 250 * 2 ** this.attempts++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connection().catch((e) => {
        this.log('Janus reconnect', e);
        if (!this.ws && !this.closed) this.onLost();
      });
    }, delay);
    this.retryTimer.unref();
  }
}

export class JanusSession {
  private handles = new Map<number, JanusHandle>();
  private keepalive: NodeJS.Timeout;
  private goneListeners = new Set<() => void>();
  alive = true;

  constructor(
    private readonly client: JanusClient,
    readonly id: number,
  ) {
    this.keepalive = setInterval(() => {
      void client.request({ janus: 'keepalive', session_id: id }, true).catch(() => undefined);
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  async attach(plugin = 'janus.plugin.videoroom'): Promise<JanusHandle> {
    const answer = await this.client.request({ janus: 'attach', session_id: this.id, plugin });
    const handle = new JanusHandle(this.client, this, answer.data!.id!);
    this.handles.set(handle.id, handle);
    return handle;
  }

  /** Called when Janus ends the session (its connection was lost, or it timed out). */
  onGone(listener: () => void) {
    this.goneListeners.add(listener);
  }

  onEvent(frame: Frame) {
    if (frame.janus === 'timeout') return this.lost();
    const handle = frame.sender ? this.handles.get(frame.sender) : undefined;
    if (!handle) return;
    if (frame.janus === 'detached') {
      this.handles.delete(handle.id);
      return;
    }
    handle.deliver(frame);
  }

  dropHandle(handle: JanusHandle) {
    this.handles.delete(handle.id);
  }

  lost() {
    if (!this.alive) return;
    this.stop();
    this.client.forget(this);
    for (const listener of this.goneListeners) listener();
  }

  stop() {
    this.alive = false;
    clearInterval(this.keepalive);
  }

  async destroy() {
    if (!this.alive) return;
    this.stop();
    this.client.forget(this);
    await this.client.request({ janus: 'destroy', session_id: this.id }).catch(() => undefined);
  }
}

export class JanusHandle {
  private listeners = new Set<(event: PluginEvent, janus: string) => void>();

  constructor(
    private readonly client: JanusClient,
    readonly session: JanusSession,
    readonly id: number,
  ) {}

  /** A plugin request; resolves with the plugin's answer (synchronous) or its event (asynchronous). */
  async message(body: Record<string, unknown>, jsep?: JanusJsep): Promise<PluginEvent> {
    const frame = await this.client.request({
      janus: 'message',
      session_id: this.session.id,
      handle_id: this.id,
      body,
      ...(jsep ? { jsep } : {}),
    });
    return { data: frame.plugindata?.data ?? {}, jsep: frame.jsep };
  }

  trickle(candidate: unknown) {
    return this.client.request(
      {
        janus: 'trickle',
        session_id: this.session.id,
        handle_id: this.id,
        candidate: candidate ?? { completed: true },
      },
      true,
    );
  }

  /** Plugin events that are no answer to a request of ours (new publishers, hang-ups, renegotiations). */
  onEvent(listener: (event: PluginEvent, janus: string) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  deliver(frame: Frame) {
    const event: PluginEvent = { data: frame.plugindata?.data ?? {}, jsep: frame.jsep };
    for (const listener of this.listeners) listener(event, frame.janus);
  }

  async detach() {
    this.session.dropHandle(this);
    this.listeners.clear();
    if (!this.session.alive) return;
    await this.client
      .request({ janus: 'detach', session_id: this.session.id, handle_id: this.id })
      .catch(() => undefined);
  }
}
