// GET /api/admin/invariants: the invariants of commands/invariants.ts, checked over the admin's organisation.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { checkInvariants } from '../../commands/invariants.js';
import { requireActor } from '../http.js';
import { errors } from './schemas.js';

const EventRef = z.object({
  position: z.string(),
  streamId: z.string(),
  type: z.string(),
  data: z.unknown(),
  at: z.string(),
});
const Report = z.object({
  checked: z.array(z.object({ invariant: z.string(), rule: z.string(), subjects: z.number() })),
  events: z.number(),
  violations: z.array(z.object({ invariant: z.string(), message: z.string(), events: z.array(EventRef) })),
});

export async function invariantRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/invariants',
    {
      schema: {
        tags: ['admin'],
        description:
          "Replays the organisation's events and checks: balances equal their ledgers, no balance below zero " +
          'without overdraft, each charge debited once, no overlapping sessions of a teacher, each reversal once.',
        response: { 200: Report, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      return checkInvariants(deps, { orgId: actor.orgId });
    },
  );
}
