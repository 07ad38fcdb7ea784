// The organisation's post-session summary settings: what each making of a session's summaries costs (staff read
// it, with the balance it is paid from; admins change it) and the "Teacher Lesson Summary Recipients" (admins).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../../auth/sessions.js';
import {
  setSummarySettings,
  summaryQuote,
  summaryRecipientsOf,
} from '../../commands/sessionSummaryBilling.js';
import { requireActor } from '../http.js';
import { errors } from './schemas.js';
import {
  SummaryCostSettings,
  SummaryRecipientSettings,
  SummarySettings,
} from '../../contract/sessionSummary.js';

const tags = ['post-session summaries'];

async function settingsFor(deps: AppDeps, actor: Actor): Promise<SummarySettings> {
  const { costTokens, ...quote } = await summaryQuote(deps, actor.orgId);
  const recipients = actor.role === 'admin' ? await summaryRecipientsOf(deps.db, actor.orgId) : null;
  return { summaryCostTokens: costTokens, teacherLessonSummaryRecipients: recipients, ...quote };
}

export async function summarySettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/summary-settings',
    {
      schema: {
        tags,
        description:
          "What each making of a session's summaries costs the organisation's wallet, its balance and whether it can pay: admins and teachers (the recipients: admins only).",
        response: { 200: SummarySettings, ...errors },
      },
    },
    async (request) => settingsFor(deps, requireActor(request, 'admin', 'teacher')),
  );

  r.put(
    '/api/summary-settings',
    {
      schema: {
        tags,
        description:
          'Changes the summary cost (whole tokens, 0 free) and the "Teacher Lesson Summary Recipients" (e-mail addresses): admins. A field left out stays as it is.',
        body: SummaryCostSettings.partial().extend(SummaryRecipientSettings.partial().shape),
        response: { 200: SummarySettings, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      await setSummarySettings(deps.db, actor.orgId, request.body);
      return settingsFor(deps, actor);
    },
  );
}
