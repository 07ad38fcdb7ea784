// The schedule-rule read model: rules per enrollment and their occurrences, for the enrollment's Schedule section
// and for the periodic top-up, which looks for rules that still generate.
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import { projection, type ProjectionDb, type RecordedOf } from '../projection.js';

const touch = (db: ProjectionDb, event: RecordedEvent, ruleId: string, values: Record<string, unknown>) =>
  db
    .updateTable('schedule_rules')
    .set({ ...values, last_revision: event.streamRevision })
    .where('id', '=', ruleId)
    .execute();

async function occurrence(
  db: ProjectionDb,
  event: RecordedOf<'ScheduleOccurrenceScheduled' | 'ScheduleOccurrenceSkipped'>,
  values: {
    outcome: 'scheduled' | 'skipped';
    live_session_id: string | null;
    reason: string | null;
    conflicting_live_session_id: string | null;
    reason_code: string | null;
    conflict_start: string | null;
    conflict_end: string | null;
  },
) {
  const d = event.data;
  await db
    .insertInto('schedule_rule_occurrences')
    .values({
      rule_id: d.ruleId,
      occurrence_start: d.occurrenceStart,
      org_id: event.metadata.orgId,
      enrollment_id: d.enrollmentId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['rule_id', 'occurrence_start']).doNothing())
    .execute();
}

export const scheduleRulesProjection = projection(
  'scheduleRules',
  ['schedule_rules', 'schedule_rule_occurrences'],
  {
    async ScheduleRuleAdded(db, event) {
      const d = event.data;
      await db
        .insertInto('schedule_rules')
        .values({
          id: d.ruleId,
          org_id: event.metadata.orgId,
          enrollment_id: d.enrollmentId,
          weekdays: d.weekdays.join(','),
          local_time: d.localTime,
          time_zone: d.timeZone,
          duration_minutes: d.durationMinutes,
          starts_on: d.startsOn,
          ends_at: null,
          split_from: d.splitFrom,
          removed: false,
          last_revision: event.streamRevision,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async ScheduleRuleEnded(db, event) {
      const d = event.data;
      await touch(db, event, d.ruleId, { ends_at: d.endsAt });
    },
    async ScheduleRuleRemoved(db, event) {
      await touch(db, event, event.data.ruleId, { removed: true });
    },
    async ScheduleOccurrenceScheduled(db, event) {
      const d = event.data;
      await occurrence(db, event, {
        outcome: 'scheduled',
        live_session_id: d.liveSessionId,
        reason: null,
        conflicting_live_session_id: null,
        reason_code: null,
        conflict_start: null,
        conflict_end: null,
      });
    },
    async ScheduleOccurrenceSkipped(db, event) {
      const d = event.data;
      await occurrence(db, event, {
        outcome: 'skipped',
        live_session_id: null,
        reason: d.reason,
        conflicting_live_session_id: d.conflictingLiveSessionId,
        // Occurrences skipped before codes were have none here; the query words their stored reason.
        reason_code: d.code ?? null,
        conflict_start: d.conflictStart ?? null,
        conflict_end: d.conflictEnd ?? null,
      });
    },
  },
);
