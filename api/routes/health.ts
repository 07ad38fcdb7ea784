// Health and metrics, for load balancers, monitoring and admins:
//   GET /health          ok or not, to anyone: {status:'ok'} or 503 {status:'unavailable'} (the stores answer)
//   GET /health/live     the process is up
//   GET /health/ready    migrations applied, the stores answer, projections and process managers near the head
//   GET /health/details  admins: each dependency by name and whether it answers, pending migrations, positions
//   GET /metrics         Prometheus text: admins, or `Authorization: Bearer <METRICS_TOKEN>`
// Registered first, it also times every request for the metrics (by route pattern) and puts the correlation id on
// each request's log lines.
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { correlationIdOf, requireActor } from '../http.js';
import { pendingMigrations } from '../../db/migrate.js';
import {
  consumerLag,
  consumerPosition,
  eventStoreHead,
  httpRequestDuration,
  mailBacklog,
  metricsRegistry,
  positionValue,
} from '../../kernel/metrics.js';

/** Ready means every projection and process manager reaches the log's head within this long. */
export const READY_LAG_MS = 5_000;

const Dependency = z.object({ kind: z.string(), ok: z.boolean(), detail: z.string().optional() });
const Status = z.object({ status: z.enum(['ok', 'unavailable']) });
const Ready = z.object({
  status: z.enum(['ok', 'unavailable']),
  /** The checks that failed: migrations, eventStore, readModels, bus, projections. */
  failing: z.array(z.string()),
});
const Details = z.object({
  status: z.enum(['ok', 'degraded']),
  eventStore: Dependency,
  readModels: Dependency,
  bus: Dependency,
  pendingMigrations: z.array(z.string()),
  projections: z.record(z.string(), z.string().nullable()),
});

async function check(fn: () => Promise<unknown>) {
  try {
    await fn();
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

async function dependencies(deps: AppDeps) {
  const [eventStore, readModels, bus] = await Promise.all([
    check(() => deps.eventStore.headPosition()).then((r) => ({ kind: deps.eventStore.kind, ...r })),
    check(() => sql`SELECT 1`.execute(deps.db)).then((r) => ({ kind: deps.dbKind, ...r })),
    deps.bus.health().then(
      (r) => ({ kind: deps.bus.kind, ...r }),
      (error: Error) => ({ kind: deps.bus.kind, ok: false, detail: error.message }),
    ),
  ]);
  return { eventStore, readModels, bus };
}

/** The correlation id commandContext stamps on the events a request causes; the request id when none is valid. */
function loggedCorrelationId(request: FastifyRequest) {
  try {
    return correlationIdOf(request);
  } catch {
    return request.id;
  }
}

function metricsTokenMatches(request: FastifyRequest, token: string | undefined) {
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads what the gauges describe (positions, lag, the mail backlog) just before a scrape. */
async function observeState(deps: AppDeps) {
  const head = positionValue(await deps.eventStore.headPosition().catch(() => null));
  eventStoreHead.set(head);
  consumerPosition.reset();
  consumerLag.reset();
  for (const [name, position] of Object.entries(deps.projections.positions())) {
    const labels = name.startsWith('process:')
      ? { consumer: name.slice('process:'.length), kind: 'process' }
      : { consumer: name, kind: 'projection' };
    consumerPosition.set(labels, positionValue(position));
    consumerLag.set(labels, Math.max(0, head - positionValue(position)));
  }
  const { rows } = await sql<{ status: string; n: number }>`
    SELECT status, count(*)::int AS n FROM mail_deliveries
    WHERE status IN ('pending', 'sending', 'failed') GROUP BY status`
    .execute(deps.db)
    .catch(() => ({ rows: [] as { status: string; n: number }[] }));
  for (const status of ['pending', 'sending', 'failed'])
    mailBacklog.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
}

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', async (request, reply) => {
    const log = request.log.child({ correlationId: loggedCorrelationId(request) });
    request.log = log;
    reply.log = log;
  });
  app.addHook('onResponse', async (request, reply) => {
    httpRequestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/health',
    { schema: { tags: ['health'], response: { 200: Status, 503: Status } } },
    async (_request, reply) => {
      const { eventStore, readModels, bus } = await dependencies(deps);
      const ok = eventStore.ok && readModels.ok && bus.ok;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable' });
    },
  );

  r.get(
    '/health/live',
    { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/health/ready',
    { schema: { tags: ['health'], response: { 200: Ready, 503: Ready } } },
    async (_request, reply) => {
      const failing: string[] = [];
      const [pending, stores] = await Promise.all([
        pendingMigrations(deps.db).catch(() => null),
        dependencies(deps),
      ]);
      if (pending === null || pending.length > 0) failing.push('migrations');
      for (const [name, dependency] of Object.entries(stores)) if (!dependency.ok) failing.push(name);
      if (stores.eventStore.ok && stores.readModels.ok) {
        const caughtUp = await deps.projections.waitFor(undefined, READY_LAG_MS).catch(() => false);
        if (!caughtUp) failing.push('projections');
      }
      return reply
        .status(failing.length === 0 ? 200 : 503)
        .send({ status: failing.length === 0 ? 'ok' : 'unavailable', failing });
    },
  );

  r.get(
    '/health/details',
    { schema: { tags: ['health'], response: { 200: Details, 503: Details } } },
    async (request, reply) => {
      requireActor(request, 'admin');
      const { eventStore, readModels, bus } = await dependencies(deps);
      const ok = eventStore.ok && readModels.ok && bus.ok;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        eventStore,
        readModels,
        bus,
        pendingMigrations: await pendingMigrations(deps.db).catch(() => []),
        projections: deps.projections.positions(),
      });
    },
  );

  r.get(
    '/metrics',
    {
      schema: {
        tags: ['health'],
        description: 'Prometheus text format. Admins, or `Authorization: Bearer <METRICS_TOKEN>`.',
      },
    },
    async (request, reply) => {
      if (!metricsTokenMatches(request, deps.config.METRICS_TOKEN)) requireActor(request, 'admin');
      await observeState(deps);
      return reply
        .header('content-type', metricsRegistry.contentType)
        .header('cache-control', 'no-store')
        .send(await metricsRegistry.metrics());
    },
  );
}
