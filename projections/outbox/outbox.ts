// The mail outbox read model: the mails that events call for (one row per event, recipient and template, so a
// replay adds none) and the calendar entries those mails and the ICS feed are rendered from.
import { sql } from 'kysely';
import { projection, type ProjectionDb } from '../projection.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';
import { liveSessionHandlers } from './liveSessions.js';
import { trainingHandlers } from './trainings.js';
import { summaryHandlers } from './summaries.js';
import { followUpHandlers } from './followUps.js';

/**
 * The personal text an erased person's mails quote (a decline reason, their summary) reads as ERASED_TEXT, and so
 * does the reason they gave for a cancellation in everybody's mails (`reasonBy`) and what they wrote in a follow-up
 * message (`followUpBy`).
 */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  const erased = sql`to_jsonb(${ERASED_TEXT}::text)`;
  await db
    .updateTable('mail_outbox')
    .set({ params: sql`jsonb_set(params, '{reason}', ${erased})` })
    .where(sql<boolean>`params ->> 'reasonBy' = ${personId} AND jsonb_typeof(params -> 'reason') = 'string'`)
    .execute();
  await db
    .updateTable('mail_outbox')
    .set({
      params: sql`jsonb_set(jsonb_set(jsonb_set(params,
        '{followUp,keyPoints}', ${erased}), '{followUp,preparation}', ${erased}), '{followUp,resources}', '[]'::jsonb)`,
    })
    .where(sql<boolean>`params ->> 'followUpBy' = ${personId}`)
    .execute();
  await db
    .updateTable('mail_outbox')
    .set({
      params: sql`CASE
        WHEN template = 'training-declined' AND jsonb_typeof(params -> 'reason') = 'string'
          THEN jsonb_set(params, '{reason}', ${erased})
        WHEN template = 'lesson-summary' AND jsonb_typeof(params #> '{summary,text}') = 'string'
          THEN jsonb_set(params, '{summary,text}', ${erased})
        ELSE params END`,
    })
    .where('recipient_id', '=', personId)
    .execute();
}

const perEvent = projection(
  'outbox',
  ['mail_outbox', 'calendar_entries', 'calendar_attendees', 'calendar_groups'],
  { ...liveSessionHandlers, ...trainingHandlers, ...summaryHandlers, ...followUpHandlers },
  { erasePersonalData },
);

/**
 * Its statements never read what a write returns (its reads only wait for the writes before them), so a rebuild
 * may pipeline them (projections/replayWriter.ts).
 */
export const outboxProjection = { ...perEvent, pipelinedReplay: true };
