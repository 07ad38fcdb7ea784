// The node's metrics, in one Prometheus registry served at GET /metrics (api/routes/health.ts). Counters and
// histograms are updated where things happen; gauges that describe state (rooms, consumer positions, the mail
// backlog) are read when the metrics are scraped. One registry per process: several apps in one process (tests)
// add up.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];

export const httpRequestDuration = new Histogram({
  name: 'lectern_http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status code, and how long they took',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export type CommandOutcome = 'accepted' | 'conflict' | 'refused' | 'failed';

export const commandsTotal = new Counter({
  name: 'lectern_commands_total',
  help: 'Commands by aggregate and outcome: accepted, conflict (concurrent writers, If-Match), refused (a rule), failed',
  labelNames: ['aggregate', 'outcome'] as const,
  registers,
});

export const eventAppendDuration = new Histogram({
  name: 'lectern_event_append_duration_seconds',
  help: 'How long appending a command’s events to the event store took, by aggregate',
  labelNames: ['aggregate'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers,
});

export const eventStoreHead = new Gauge({
  name: 'lectern_event_store_head_position',
  help: 'The position of the last readable event (Postgres: its global position; EventStoreDB: its log position)',
  registers,
});

export const consumerPosition = new Gauge({
  name: 'lectern_log_consumer_position',
  help: 'Where each projection and process manager has got to in the event log (same scale as the head)',
  labelNames: ['consumer', 'kind'] as const,
  registers,
});

export const consumerLag = new Gauge({
  name: 'lectern_log_consumer_lag',
  help: 'How far each projection and process manager is behind the head (Postgres: events; EventStoreDB: bytes of log)',
  labelNames: ['consumer', 'kind'] as const,
  registers,
});

export const consumerFailures = new Counter({
  name: 'lectern_log_consumer_failures_total',
  help: 'Failed batches of projections and process managers (retried), and commands a process manager had refused',
  labelNames: ['consumer', 'kind'] as const,
  registers,
});

export const mailDeliveries = new Counter({
  name: 'lectern_mail_deliveries_total',
  help: 'Mail delivery attempts by outcome: sent, skipped, retried (to be tried again), failed (for good)',
  labelNames: ['outcome'] as const,
  registers,
});

export const mailBacklog = new Gauge({
  name: 'lectern_mail_backlog',
  help: 'Mail in the outbox by status: pending (waiting or backing off), sending (claimed), failed (for good)',
  labelNames: ['status'] as const,
  registers,
});

export const websocketMessages = new Counter({
  name: 'lectern_websocket_messages_total',
  help: 'WebSocket messages on this node: in (from browsers) and out (to browsers)',
  labelNames: ['direction'] as const,
  registers,
});

/** What a live-room gateway reports when scraped. */
export type RoomCounts = { rooms: number; peers: number };
const roomSources = new Set<() => RoomCounts>();

/** A gateway reports its rooms and peers while it runs; the returned function stops that. */
export function reportRooms(source: () => RoomCounts): () => void {
  roomSources.add(source);
  return () => roomSources.delete(source);
}

const sumRooms = (key: keyof RoomCounts) => [...roomSources].reduce((sum, source) => sum + source()[key], 0);

new Gauge({
  name: 'lectern_rooms',
  help: 'Live rooms open on this node',
  registers,
  collect() {
    this.set(sumRooms('rooms'));
  },
});

new Gauge({
  name: 'lectern_room_peers',
  help: 'Peers connected to the live rooms of this node',
  registers,
  collect() {
    this.set(sumRooms('peers'));
  },
});

/** The numeric part of an event-log position (`a:b`) that grows with the log. */
export function positionValue(position: string | null): number {
  if (position === null) return 0;
  const [, second] = position.split(':');
  return Number(second ?? position);
}
