// GET /health: each dependency, by name, and whether it answers.
import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';

const Dependency = z.object({ kind: z.string(), ok: z.boolean(), detail: z.string().optional() });

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        tags: ['health'],
        response: {
          200: z.object({
            status: z.enum(['ok', 'degraded']),
            eventStore: Dependency,
            readModels: Dependency,
            bus: Dependency,
            projections: z.record(z.string(), z.string().nullable()),
          }),
          503: z.object({
            status: z.enum(['ok', 'degraded']),
            eventStore: Dependency,
            readModels: Dependency,
            bus: Dependency,
            projections: z.record(z.string(), z.string().nullable()),
          }),
        },
      },
    },
    async (_request, reply) => {
      const check = async (fn: () => Promise<unknown>) => {
        try {
          await fn();
          return { ok: true };
        } catch (error) {
          return { ok: false, detail: (error as Error).message };
        }
      };
      const eventStore = {
        kind: deps.eventStore.kind,
        ...(await check(() => deps.eventStore.headPosition())),
      };
      const readModels = { kind: deps.dbKind, ...(await check(() => sql`SELECT 1`.execute(deps.db))) };
      const bus = { kind: deps.bus.kind, ...(await deps.bus.health()) };
      const ok = eventStore.ok && readModels.ok && bus.ok;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        eventStore,
        readModels,
        bus,
        projections: deps.projections.positions(),
      });
    },
  );
}
