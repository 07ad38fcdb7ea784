// Status streams (Server-Sent Events) for a browser waiting on background work: a stream sends a snapshot when it
// opens and again each time the snapshot changes. "Changes" is checked when the event store says something was
// appended (on any node: the store's wake-ups cross processes), once the read models have caught up, so the
// browser's next GET sees what the message announced. A comment line every 20 s keeps proxies from timing the
// stream out; a stream ends when the browser closes it (EventSource would reconnect to a stream the server
// ended) or when the server shuts down (a graceful shutdown does not wait on them).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { readModelsCaughtUp } from '../http.js';

const HEARTBEAT_MS = 20_000;
/** Appends come in bursts: one look per burst. */
const SETTLE_MS = 100;

export type StatusStreamOptions<T> = {
  /** The SSE event name. */
  event: string;
  snapshot: () => Promise<T>;
};

export function statusStreams(app: FastifyInstance, deps: AppDeps) {
  const ends = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...ends]) end();
  });

  return async function open<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    options: StatusStreamOptions<T>,
  ) {
    const accept = request.headers.accept;
    if (accept && !/text\/event-stream|text\/\*|\*\/\*/.test(accept))
      throw Object.assign(
        new Error('this route is a stream of Server-Sent Events: accept text/event-stream'),
        {
          statusCode: 406,
        },
      );
    let ended = false;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let looking = false;
    let last = '';
    // Listen first, then read: an append between the two is not missed.
    const unsubscribe = deps.eventStore.onAppended(() => {
      pending ??= setTimeout(() => void look(), SETTLE_MS);
    });
    let snapshot: T;
    try {
      snapshot = await options.snapshot();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx: pass each message on at once rather than buffering the stream.
      'x-accel-buffering': 'no',
    });
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const end = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      clearInterval(heartbeat);
      if (pending) clearTimeout(pending);
      ends.delete(end);
      raw.end();
    };
    const send = (value: T) => {
      const data = JSON.stringify(value);
      if (data === last) return;
      last = data;
      raw.write(`event: ${options.event}\ndata: ${data}\n\n`);
    };
    /** An append came while a look was under way: that look may have read too early, so look once more. */
    let again = false;
    async function look() {
      pending = null;
      if (ended) return;
      if (looking) {
        again = true;
        return;
      }
      looking = true;
      try {
        await readModelsCaughtUp(deps, 5_000);
        if (!ended) send(await options.snapshot());
      } catch (error) {
        request.log.warn({ err: error }, 'a status stream could not read its snapshot');
      } finally {
        looking = false;
      }
      if (again && !ended) {
        again = false;
        pending ??= setTimeout(() => void look(), SETTLE_MS);
      }
    }
    ends.add(end);
    request.raw.on('close', end);
    send(snapshot);
  };
}
