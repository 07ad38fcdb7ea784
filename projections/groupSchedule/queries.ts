// Reads of the recurring group classes: a group's rules (with course and teacher) and each occurrence with its
// session's status and how many students it has now.
import type { Db } from '../../db/schema.js';
import { skipCodeOf, type OccurrenceView, type ScheduleRuleView } from '../lessons/scheduleRuleQueries.js';

export type GroupRuleView = Omit<ScheduleRuleView, 'enrollmentId' | 'occurrences'> & {
  groupId: string;
  courseId: string;
  courseName: string | null;
  teacherId: string;
  teacherName: string | null;
  /** `participants`: the session's students now (null without a session). */
  occurrences: (OccurrenceView & { participants: number | null })[];
};

export async function groupScheduleRulesOf(db: Db, orgId: string, groupId: string): Promise<GroupRuleView[]> {
  const rules = await db
    .selectFrom('group_schedule_rules as r')
    .leftJoin('courses as c', 'c.id', 'r.course_id')
    .leftJoin('people as p', 'p.id', 'r.teacher_id')
    .selectAll('r')
    .select(['c.name as course_name', 'p.name as teacher_name'])
    .where('r.org_id', '=', orgId)
    .where('r.group_id', '=', groupId)
    .where('r.removed', '=', false)
    .orderBy('r.starts_on')
    .orderBy('r.id')
    .execute();
  if (rules.length === 0) return [];
  const occurrences = await db
    .selectFrom('group_schedule_occurrences as o')
    .leftJoin('schedule_sessions as s', 's.id', 'o.live_session_id')
    .select((eb) => [
      'o.rule_id',
      'o.occurrence_start',
      'o.outcome',
      'o.live_session_id',
      'o.reason',
      'o.conflicting_live_session_id',
      'o.reason_code',
      'o.conflict_start',
      'o.conflict_end',
      's.status',
      's.starts_at',
      eb
        .selectFrom('schedule_participants as sp')
        .select((x) => x.fn.countAll<string>().as('n'))
        .whereRef('sp.session_id', '=', 'o.live_session_id')
        .as('participants'),
    ])
    .where(
      'o.rule_id',
      'in',
      rules.map((r) => r.id),
    )
    .orderBy('o.occurrence_start')
    .execute();
  return rules.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    courseId: r.course_id,
    courseName: r.course_name ?? null,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name ?? null,
    weekdays: r.weekdays.split(','),
    time: r.local_time,
    timeZone: r.time_zone,
    durationMinutes: r.duration_minutes,
    startsOn: r.starts_on,
    endsAt: r.ends_at === null ? null : new Date(r.ends_at).toISOString(),
    splitFrom: r.split_from,
    occurrences: occurrences
      .filter((o) => o.rule_id === r.id)
      .map((o) => ({
        start: new Date(o.occurrence_start).toISOString(),
        outcome: o.outcome,
        liveSessionId: o.live_session_id,
        sessionStatus: o.status ?? null,
        sessionStart: o.starts_at ? new Date(o.starts_at).toISOString() : null,
        participants: o.live_session_id && o.status ? Number(o.participants ?? 0) : null,
        reason: o.reason,
        conflictingLiveSessionId: o.conflicting_live_session_id,
        ...skipCodeOf(o),
      })),
  }));
}
