// Lesson analyses: a teacher (of the enrollment) or an admin requests one for a passed or verified lesson, or
// for the 20 most recent (bulk), paid from the organisation's wallet when requested; it runs in the background
// (requested -> running -> ready | failed, tokens given back on failure) and is read here with its report.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import {
  ANALYSIS_COST,
  AnalysisScope,
  BULK_LESSONS,
  ReportLanguage,
} from '../../domain/lessonAnalysis/events.js';
import { analysisEnrollment, analysisQuote, requestLessonAnalysis } from '../../commands/lessonAnalyses.js';
import { lessonAnalysesOf, lessonAnalysisById } from '../../projections/lessonAnalyses/queries.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { errors, IdParams } from './schemas.js';
import { statusStreams } from '../push/statusStream.js';
import { AnalysisQuote, LessonAnalysis, LessonAnalysisSummary } from '../../contract/lessonAnalysis.js';

const tags = ['lesson analyses'];

export async function lessonAnalysisRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const stream = statusStreams(app, deps);
  const statuses = async (orgId: string, enrollmentId: string) =>
    (await lessonAnalysesOf(deps.db, orgId, enrollmentId)).map((a) => ({ id: a.id, status: a.status }));

  r.post(
    '/api/enrollments/:id/lesson-analyses',
    {
      schema: {
        tags,
        description: `Requests a lesson analysis, paid from the organisation's wallet when requested: single (one passed or verified lesson, courseLessonId) ${ANALYSIS_COST.single} tokens, bulk (the ${BULK_LESSONS} most recent passed or verified lessons) ${ANALYSIS_COST.bulk} tokens. 409 lesson_not_completed (nothing paid) for a lesson that is not passed or verified, no_completed_lessons for bulk when none is; 409 insufficient_balance without enough tokens unless overdraft is allowed. The report is made in the background: GET /api/lesson-analyses/:id reads it, and GET /api/enrollments/:id/lesson-analyses/events pushes each change of status. An Idempotency-Key makes a repeat answer with the same analysis.`,
        params: IdParams,
        body: z.object({
          scope: AnalysisScope,
          courseLessonId: z.uuid().optional().describe('the lesson to analyse (scope single)'),
          language: ReportLanguage.optional().describe(
            "the report's language (default: the course content's)",
          ),
        }),
        response: { 202: LessonAnalysisSummary, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const context = commandContext(deps, request, actor);
      const result = await requestLessonAnalysis(deps, actor, request.params.id, request.body, context);
      await afterWrite(deps, res, result);
      const view = await lessonAnalysisById(deps.db, actor.orgId, result.analysisId);
      const { report: _report, ...summary } = view ?? {
        ...result.request,
        id: result.analysisId,
        status: 'requested' as const,
        refundEntryId: null,
        attempts: 0,
        retryAt: null,
        lastError: null,
        requestedAt: result.request.at,
        updatedAt: result.request.at,
        report: null,
      };
      res.header('location', `/api/lesson-analyses/${result.analysisId}`);
      return res.status(202).send(LessonAnalysisSummary.parse(summary));
    },
  );

  r.get(
    '/api/enrollments/:id/lesson-analyses',
    {
      schema: {
        tags,
        description: "The enrollment's lesson analyses, newest first, without their reports.",
        params: IdParams,
        response: { 200: z.object({ analyses: z.array(LessonAnalysisSummary) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin', 'teacher');
      await analysisEnrollment(deps, actor, request.params.id);
      return { analyses: await lessonAnalysesOf(deps.db, actor.orgId, request.params.id) };
    },
  );

  r.get(
    '/api/enrollments/:id/lesson-analyses/quote',
    {
      schema: {
        tags,
        description:
          "What an analysis costs (single, bulk), the organisation wallet's spendable balance, whether it can pay (overdraft respected) and the lessons that may be analysed (passed or verified).",
        params: IdParams,
        response: { 200: AnalysisQuote, ...errors },
      },
    },
    async (request) => analysisQuote(deps, requireActor(request, 'admin', 'teacher'), request.params.id),
  );

  r.get(
    '/api/lesson-analyses/:id',
    {
      schema: {
        tags,
        description:
          'A lesson analysis: its status (requested, running, ready, failed), attempts, the ledger lines that paid for it and gave the tokens back, and its report once ready.',
        params: IdParams,
        response: { 200: LessonAnalysis, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const analysis = await lessonAnalysisById(deps.db, actor.orgId, request.params.id);
      if (!analysis) throw new NotFoundError('lesson_analysis');
      await analysisEnrollment(deps, actor, analysis.enrollmentId);
      return analysis;
    },
  );

  r.get(
    '/api/enrollments/:id/lesson-analyses/events',
    {
      schema: {
        tags,
        description:
          "Server-Sent Events: `analyses` with each analysis' id and status (newest first), sent when the stream opens and whenever a status changes, so a page shows a report as soon as it is ready without asking again and again.",
        params: IdParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      await analysisEnrollment(deps, actor, request.params.id);
      await stream(request, reply, {
        event: 'analyses',
        snapshot: () => statuses(actor.orgId, request.params.id),
      });
    },
  );
}
