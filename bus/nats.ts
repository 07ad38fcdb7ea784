// The NATS bus: room traffic crosses server nodes. The client reconnects on its own forever; while it is
// away, publishes are buffered by the client and subscriptions are restored when it is back.
import { connect, type NatsConnection } from 'nats';
import type { Bus } from './port.js';

export async function natsBus(url: string, name = 'lectern'): Promise<Bus> {
  const nc: NatsConnection = await connect({
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    pingInterval: 5_000,
  });
  let status: 'connected' | 'reconnecting' | 'closed' = 'connected';
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnecting') status = 'reconnecting';
      if (s.type === 'reconnect') status = 'connected';
    }
  })();
  return {
    kind: 'nats',
    async publish(subject, data) {
      nc.publish(subject, data);
    },
    subscribe(subject, handler) {
      const sub = nc.subscribe(subject, {
        callback: (error, msg) => !error && handler({ subject: msg.subject, data: msg.data }),
      });
      return () => sub.unsubscribe();
    },
    async flush() {
      await nc.flush();
    },
    async health() {
      if (nc.isClosed()) return { ok: false, detail: 'closed' };
      return { ok: status === 'connected', detail: `${status} to ${nc.getServer()}` };
    },
    async close() {
      status = 'closed';
      await nc.drain().catch(() => nc.close());
    },
  };
}
