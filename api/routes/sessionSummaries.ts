// Post-session summaries: the "Post-Session Summary" switch of enrollments (their teacher, admins) and student
// groups (admins), each person's "Lesson Summary" mail preference, and the summaries of an ended group session:
// the teacher summary for admins only; a student summary for the student (their own), the session's teacher and
// admins. The Summary tab and making the summaries again: sessionSummaryTab.ts.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import {
  preferencesOf,
  setPreferences,
  setSummarySwitch,
  summarySwitch,
  type SwitchTarget,
} from '../../commands/sessionSummaries.js';
import { sessionSummaryOf, studentSummaryOf } from '../../projections/sessionSummaries/queries.js';
import { requireActor } from '../http.js';
import { errors, IdParams } from './schemas.js';
import {
  StudentSummaryView,
  SummaryPreferences as Preferences,
  SummaryPreferencesChange,
  SummarySwitch as Switch,
  TeacherSummaryView,
} from '../../contract/sessionSummary.js';

const tags = ['post-session summaries'];

export async function sessionSummaryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const targets: [string, SwitchTarget['kind'], string][] = [
    ['/api/enrollments/:id/post-session-summary', 'enrollment', "the enrollment's teacher or an admin"],
    ['/api/groups/:id/post-session-summary', 'group', 'admins'],
  ];
  for (const [url, kind, who] of targets) {
    r.get(
      url,
      {
        schema: {
          tags,
          description: `Whether group sessions get summaries (${who}).`,
          params: IdParams,
          response: { 200: Switch, ...errors },
        },
      },
      async (request) => summarySwitch(deps, requireActor(request), { kind, id: request.params.id }),
    );
    r.put(
      url,
      {
        schema: {
          tags,
          description: `The "Post-Session Summary" switch (${who}): on, an ended group session gets a teacher summary and a summary per participant.`,
          params: IdParams,
          body: Switch,
          response: { 200: Switch, ...errors },
        },
      },
      async (request) =>
        setSummarySwitch(
          deps,
          requireActor(request),
          { kind, id: request.params.id },
          request.body.enabled,
          deps.clock.now().toISOString(),
        ),
    );
  }

  r.get(
    '/api/people/me/preferences',
    { schema: { tags, response: { 200: Preferences, ...errors } } },
    async (request) => preferencesOf(deps.db, requireActor(request).personId),
  );
  r.put(
    '/api/people/me/preferences',
    { schema: { tags, body: SummaryPreferencesChange, response: { 200: Preferences, ...errors } } },
    async (request) =>
      setPreferences(deps.db, requireActor(request), request.body, deps.clock.now().toISOString()),
  );

  r.get(
    '/api/live-sessions/:id/summary',
    {
      schema: {
        tags,
        description:
          "The teacher summary of an ended group session: admins only (the session's teacher gets 403).",
        params: IdParams,
        response: { 200: TeacherSummaryView, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const found = await sessionSummaryOf(deps.db, actor.orgId, request.params.id);
      if (!found) throw new NotFoundError('session_summary', 'no summary of this session');
      const { teacherId: _t, ...rest } = found;
      return rest;
    },
  );

  r.get(
    '/api/live-sessions/:id/summaries/:studentId',
    {
      schema: {
        tags,
        description: "A participant's summary: the student (their own only), the session's teacher, admins.",
        params: z.object({ id: z.uuid(), studentId: z.uuid() }),
        response: { 200: StudentSummaryView, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, studentId } = request.params;
      // A student reads their own only; anyone else's is "not found", as if it did not exist.
      if (actor.role === 'student' && actor.personId !== studentId)
        throw new NotFoundError('student_summary', 'no summary for this student');
      const session = await sessionSummaryOf(deps.db, actor.orgId, id);
      if (!session || (actor.role === 'teacher' && session.teacherId !== actor.personId))
        throw new NotFoundError('session_summary', 'no summary of this session');
      const mine = await studentSummaryOf(deps.db, actor.orgId, id, studentId);
      if (!mine) throw new NotFoundError('student_summary', 'no summary for this student');
      const { teacherId: _t, summary: _s, ...head } = session;
      return { ...head, ...mine };
    },
  );
}
