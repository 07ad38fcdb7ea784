// The read model of recurring group classes: rules per student group and their occurrences, for the group's
// "Recurring classes" card and for the periodic top-up, which looks for rules that still generate.
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import { projection, type ProjectionDb, type RecordedOf } from '../projection.js';

const touch = (db: ProjectionDb, event: RecordedEvent, ruleId: string, values: Record<string, unknown>) =>
  db
    .updateTable('group_schedule_rules')
    .set({ ...values, last_revision: event.streamRevision })
    .where('id', '=', ruleId)
    .execute();

async function occurrence(
  db: ProjectionDb,
  event: RecordedOf<'GroupScheduleOccurrenceScheduled' | 'GroupScheduleOccurrenceSkipped'>,
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
    .insertInto('group_schedule_occurrences')
    .values({
      rule_id: d.ruleId,
      occurrence_start: d.occurrenceStart,
      org_id: event.metadata.orgId,
      group_id: d.groupId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['rule_id', 'occurrence_start']).doNothing())
    .execute();
}

export const groupScheduleProjection = projection(
  'groupSchedule',
  ['group_schedule_rules', 'group_schedule_occurrences'],
  {
    async GroupScheduleRuleAdded(db, event) {
      const d = event.data;
      await db
        .insertInto('group_schedule_rules')
        .values({
          id: d.ruleId,
          org_id: event.metadata.orgId,
          group_id: d.groupId,
          course_id: d.courseId,
          teacher_id: d.teacherId,
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
    async GroupScheduleRuleEnded(db, event) {
      await touch(db, event, event.data.ruleId, { ends_at: event.data.endsAt });
    },
    async GroupScheduleRuleRemoved(db, event) {
      await touch(db, event, event.data.ruleId, { removed: true });
    },
    async GroupScheduleOccurrenceScheduled(db, event) {
      await occurrence(db, event, {
        outcome: 'scheduled',
        live_session_id: event.data.liveSessionId,
        reason: null,
        conflicting_live_session_id: null,
        reason_code: null,
        conflict_start: null,
        conflict_end: null,
      });
    },
    async GroupScheduleOccurrenceSkipped(db, event) {
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
