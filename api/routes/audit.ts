// The audit log for admins: who did what, when, to which stream; filtered, paged, and exported as CSV.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { ValidationError } from '../../domain/shared/errors.js';
import { auditPage, decodeCursor, type AuditFilter, type AuditRow } from '../../projections/audit/queries.js';
import { requireActor } from '../http.js';
import type { Actor } from '../../auth/sessions.js';
import { errors, IsoDateTime } from './schemas.js';
import { csvStream } from '../csv.js';

const AuditRowSchema = z.object({
  eventId: z.string(),
  at: z.string(),
  type: z.string(),
  streamId: z.string(),
  streamRevision: z.number(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  correlationId: z.string().nullable(),
  causationId: z.string().nullable(),
  liveSessionId: z.string().nullable(),
  trainingId: z.string().nullable(),
});

const Query = z.object({
  personId: z.uuid().optional().describe('the actor of, or a person mentioned by, the event'),
  liveSessionId: z.uuid().optional(),
  trainingId: z.uuid().optional(),
  type: z
    .string()
    .regex(/^[A-Za-z]+(,[A-Za-z]+){0,49}$/, 'must be event types separated by commas')
    .optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(200).optional().describe('`next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
type Query = z.infer<typeof Query>;

const CSV_COLUMNS: (keyof AuditRow)[] = [
  'at',
  'type',
  'actorId',
  'actorName',
  'streamId',
  'streamRevision',
  'liveSessionId',
  'trainingId',
  'correlationId',
  'causationId',
  'eventId',
];

/** One cell as the export writes it (api/csv.ts): RFC 4180 quoting, formulas neutralized. */
export { csvCell } from '../csv.js';

function filterOf(actor: Actor, q: Query): AuditFilter {
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (after === null)
    throw new ValidationError('the cursor is not one this API returned', [
      { path: 'querystring.cursor', message: 'is invalid' },
    ]);
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && to <= from)
    throw new ValidationError('`to` must be after `from`', [
      { path: 'querystring.to', message: 'must be after from', code: 'range_reversed' },
    ]);
  return {
    orgId: actor.orgId,
    personId: q.personId,
    liveSessionId: q.liveSessionId,
    trainingId: q.trainingId,
    types: q.type?.split(','),
    from,
    to,
    order: q.order,
    after,
    limit: q.limit,
  };
}

export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        description: 'Every event of the organisation, newest first unless order=asc. Admins only.',
        querystring: Query,
        response: {
          200: z.object({ events: z.array(AuditRowSchema), next: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      return auditPage(deps.db, filterOf(actor, request.query));
    },
  );

  r.get(
    '/api/audit.csv',
    {
      schema: {
        tags: ['audit'],
        description: 'The same rows as /api/audit (all pages), streamed as CSV. Admins only.',
        querystring: Query.omit({ cursor: true, limit: true }),
        response: { 200: z.string().describe('text/csv'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const filter = filterOf(actor, { ...request.query, limit: 1000 });
      async function* rows() {
        let after = filter.after;
        for (;;) {
          const page = await auditPage(deps.db, { ...filter, after });
          yield* page.events;
          if (!page.next) return;
          after = decodeCursor(page.next)!;
        }
      }
      reply.type('text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="audit.csv"');
      return reply.send(csvStream(CSV_COLUMNS, rows(), { bom: false, quoteAll: false }) as never);
    },
  );
}
