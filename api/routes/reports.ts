// Reports for admins: attendance, no-shows and cancellations, teaching hours, tokens, trainings and scores,
// filtered and grouped by week or month, each also as a streamed CSV with context columns.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { ValidationError } from '../../domain/shared/errors.js';
import { TimeZone } from '../../domain/shared/schemas.js';
import {
  attendanceReport,
  noShowReport,
  scoresReport,
  teachingHoursReport,
} from '../../projections/reports/sessionReports.js';
import { tokensReport } from '../../projections/reports/tokenReports.js';
import { trainingsReport } from '../../projections/reports/trainingReports.js';
import { exportColumns, exportRows, type ReportName } from '../../projections/reports/exports.js';
import type { ReportFilter } from '../../projections/reports/filters.js';
import { csvStream } from '../csv.js';
import { requireActor } from '../http.js';
import { errors, IsoDateTime } from './schemas.js';
import { ReportSchemas } from '../../contract/reports.js';

const Query = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  groupBy: z.enum(['week', 'month']).default('month'),
  timeZone: TimeZone.default('UTC'),
  teacherId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  studentGroupId: z.uuid().optional(),
  trainingId: z.uuid().optional(),
});

const schemas = ReportSchemas satisfies Record<ReportName, z.ZodType>;

const MAX_DAYS = 3 * 366;

export async function reportRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const filterOf = (orgId: string, q: z.infer<typeof Query>): ReportFilter => {
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (to <= from)
      throw new ValidationError('`to` must be after `from`', [
        { path: 'querystring.to', message: 'must be after from', code: 'range_reversed' },
      ]);
    if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000)
      throw new ValidationError(`a report spans at most ${MAX_DAYS} days`, [
        { path: 'querystring.to', message: 'range too long', code: 'range_too_long', maximum: MAX_DAYS },
      ]);
    return {
      orgId,
      from,
      to,
      groupBy: q.groupBy,
      timeZone: q.timeZone,
      teacherId: q.teacherId,
      courseId: q.courseId,
      studentGroupId: q.studentGroupId,
      trainingId: q.trainingId,
    };
  };

  const run: { [K in ReportName]: (f: ReportFilter) => Promise<z.infer<(typeof schemas)[K]>> } = {
    attendance: async (f) => ({ rows: await attendanceReport(deps.db, f) }),
    'no-shows': (f) => noShowReport(deps.db, f),
    'teaching-hours': async (f) => ({ rows: await teachingHoursReport(deps.db, f) }),
    tokens: (f) => tokensReport(deps.db, f),
    trainings: (f) => trainingsReport(deps.db, f),
    scores: (f) => scoresReport(deps.db, f),
  };

  for (const name of Object.keys(schemas) as ReportName[]) {
    r.get(
      `/api/reports/${name}`,
      { schema: { tags: ['reports'], querystring: Query, response: { 200: schemas[name], ...errors } } },
      async (request) => {
        const actor = requireActor(request, 'admin');
        return run[name](filterOf(actor.orgId, request.query)) as never;
      },
    );
    r.get(
      `/api/reports/${name}.csv`,
      {
        schema: {
          tags: ['reports'],
          querystring: Query,
          produces: ['text/csv'],
          response: { 200: z.any().describe('text/csv; charset=utf-8'), ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request, 'admin');
        const filter = filterOf(actor.orgId, request.query);
        reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${name}-${request.query.from.slice(0, 10)}-${request.query.to.slice(0, 10)}.csv"`,
          );
        return reply.send(csvStream(exportColumns[name], exportRows(deps.db, name, filter)));
      },
    );
  }
}
