// The Summary tab of a session: what the viewer may read of its post-session summaries (with why the newest ones
// asked for were not made), and making them again after a correction (admins, the session's teacher).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../../auth/sessions.js';
import { NotFoundError, RuleViolation } from '../../domain/shared/errors.js';
import { regenerateSessionSummaries } from '../../commands/sessionSummaryRegeneration.js';
import {
  sessionSummaryOf,
  studentSummariesOf,
  summaryRefusalOf,
} from '../../projections/sessionSummaries/queries.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { errors, IdParams } from './schemas.js';
import { SessionSummaries, SummaryRefusal } from '../../contract/sessionSummary.js';

const tags = ['post-session summaries'];

async function summaryTab(deps: AppDeps, actor: Actor, liveSessionId: string): Promise<SessionSummaries> {
  const session = await sessionSummaryOf(deps.db, actor.orgId, liveSessionId);
  const staff = actor.role !== 'student';
  const refused = staff ? await summaryRefusalOf(deps.db, actor.orgId, liveSessionId) : null;
  const teacherId = session?.teacherId ?? refused?.teacherId ?? null;
  if (!teacherId || (actor.role === 'teacher' && teacherId !== actor.personId))
    throw new NotFoundError('session_summary', 'no summary of this session');
  const all = session ? await studentSummariesOf(deps.db, actor.orgId, liveSessionId) : [];
  const students = actor.role === 'student' ? all.filter((s) => s.studentId === actor.personId) : all;
  if (actor.role === 'student' && students.length === 0)
    throw new NotFoundError('session_summary', 'no summary of this session for you');
  const { teacherId: _t, summary, ...head } = session ?? { teacherId, summary: null };
  return {
    head: session ? (head as SessionSummaries['head']) : null,
    teacher: actor.role === 'admin' ? summary : null,
    students,
    refused: refused && SummaryRefusal.parse(refused),
    canRegenerate: staff,
  };
}

export async function sessionSummaryTabRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/live-sessions/:id/summaries',
    {
      schema: {
        tags,
        description:
          "The Summary tab of an ended group session, as the viewer may read it: admins get the teacher summary and every participant's; the session's teacher every participant's (no teacher summary); a student their own. Admins and the teacher also see why the newest summaries were not made (refused: the organisation's wallet could not pay). 404 when there is no summary (none made, or none for this student).",
        params: IdParams,
        response: { 200: SessionSummaries, ...errors },
      },
    },
    async (request) => summaryTab(deps, requireActor(request), request.params.id),
  );

  r.post(
    '/api/live-sessions/:id/summaries',
    {
      schema: {
        tags,
        description:
          "Makes the session's summaries again after a correction (a grade changed after class): admins and the session's teacher (students 403, another teacher's session 404, a session without summaries 404). Paid from the organisation's wallet like the first; 409 insufficient_balance when it cannot pay (recorded: the Summary tab shows why), 409 summaries_off when no participant has summaries on any more. An Idempotency-Key makes a repeat answer without making or paying again.",
        params: IdParams,
        response: { 200: SessionSummaries, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request);
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const result = await regenerateSessionSummaries(deps, actor, request.params.id, context);
      await afterWrite(deps, res, result);
      const tab = await summaryTab(deps, actor, request.params.id);
      // The wallet refused to pay (the only refusal recorded): worded as the wallet words it.
      if (result.refused && tab.refused) {
        const { tokens, balance } = tab.refused;
        throw new RuleViolation('insufficient_balance', `the balance of ${balance} tokens is not enough`, {
          balance,
          tokens,
        });
      }
      return tab;
    },
  );
}
