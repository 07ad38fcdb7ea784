// The detail rows behind each report, for CSV export, with the context columns users ask for (session title,
// teacher, course, start, end, duration, time zone). Read in keyset pages, so a year of rows never sits in memory.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/schema.js';
import { conditions, period, type ReportFilter } from './filters.js';
import { exerciseResults } from './exerciseResults.js';

export type ReportName = 'attendance' | 'no-shows' | 'teaching-hours' | 'tokens' | 'trainings' | 'scores';
type Row = Record<string, unknown>;
type Page = (after: Row | null, limit: number) => RawBuilder<Row>;

const PAGE = 2000;
const CONTEXT = sql`s.title AS session_title, t.name AS teacher, c.name AS course,
  to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS start,
  to_char(s.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "end",
  s.duration_minutes, s.time_zone`;
const CONTEXT_COLUMNS = [
  'session_title',
  'teacher',
  'course',
  'start',
  'end',
  'duration_minutes',
  'time_zone',
];
const JOINS = sql`LEFT JOIN people t ON t.id = s.teacher_id LEFT JOIN courses c ON c.id = s.course_id`;
const after3 = (a: Row | null, cols: RawBuilder<unknown>) =>
  a ? sql`AND (${cols}) > (${a.k1}::timestamptz, ${a.k2}::uuid, ${a.k3}::text)` : sql``;

export const exportColumns: Record<ReportName, string[]> = {
  attendance: [
    'period',
    ...CONTEXT_COLUMNS,
    'student',
    'status',
    'late',
    'minutes_present',
    'minutes_scheduled',
  ],
  'no-shows': ['kind', 'period', ...CONTEXT_COLUMNS, 'person', 'notice_hours', 'reason'],
  'teaching-hours': ['period', ...CONTEXT_COLUMNS, 'status', 'held', 'no_show'],
  tokens: ['at', 'owner_kind', 'owner', 'kind', 'cause', 'tokens', 'balance_after', ...CONTEXT_COLUMNS],
  trainings: [
    'training',
    'section',
    'learner',
    'status',
    'ever_waitlisted',
    'completed',
    'first_event_start',
    'last_event_end',
    'time_zone',
  ],
  scores: [
    'period',
    ...CONTEXT_COLUMNS,
    'student',
    'speaking',
    'listening',
    'reading',
    'writing',
    'grammar',
    'vocabulary',
    'engagement',
    'verified',
    // Exercise results: one more row per student and lesson (see exerciseResults.ts), the skill columns empty.
    'lesson',
    'exercises_answered',
    'exercises_correct',
    'exercise_points',
    'exercise_max_points',
    'exercise_score_percent',
    'exercises_awaiting_grading',
  ],
};

function pages(f: ReportFilter): Record<ReportName, Page> {
  const attendanceWhere = conditions(f, {
    org: 'a.org_id',
    time: 'a.starts_at',
    teacher: 'a.teacher_id',
    course: 'a.course_id',
    student: 'a.student_id',
  });
  const sessionWhere = conditions(f, {
    org: 's.org_id',
    time: 's.starts_at',
    teacher: 's.teacher_id',
    course: 's.course_id',
    group: 's.student_group_id',
  });
  return {
    attendance: (a, limit) => sql<Row>`
      SELECT ${period(f, 'a.starts_at')} AS period, ${CONTEXT}, st.name AS student, a.status, a.late, a.minutes_present, a.minutes_scheduled,
             a.starts_at AS k1, a.session_id AS k2, a.student_id::text AS k3
      FROM report_attendance a JOIN report_sessions s ON s.session_id = a.session_id AND s.held ${JOINS} LEFT JOIN people st ON st.id = a.student_id
      WHERE ${attendanceWhere} ${after3(a, sql`a.starts_at, a.session_id, a.student_id::text`)}
      ORDER BY a.starts_at, a.session_id, a.student_id::text LIMIT ${limit}`,
    'no-shows': (a, limit) => sql<Row>`
      SELECT * FROM (
        SELECT 'no-show' AS kind, ${period(f, 'a.starts_at')} AS period, ${CONTEXT}, st.name AS person, NULL::numeric AS notice_hours, NULL AS reason,
               a.starts_at AS k1, a.session_id AS k2, a.student_id::text AS k3
        FROM report_attendance a JOIN report_sessions s ON s.session_id = a.session_id AND s.held ${JOINS} LEFT JOIN people st ON st.id = a.student_id
        WHERE a.status = 'absent' AND ${attendanceWhere}
        UNION ALL
        SELECT 'cancellation', ${period(f, 's.starts_at')}, ${CONTEXT}, cb.name, round(s.cancel_notice_minutes / 60.0, 1), s.cancel_reason,
               s.starts_at, s.session_id, '~canceled'
        FROM report_sessions s ${JOINS} LEFT JOIN people cb ON cb.id = s.canceled_by
        WHERE s.status = 'canceled' AND ${sessionWhere}
      ) x WHERE true ${after3(a, sql`x.k1, x.k2, x.k3`)} ORDER BY x.k1, x.k2, x.k3 LIMIT ${limit}`,
    'teaching-hours': (a, limit) => sql<Row>`
      SELECT ${period(f, 's.starts_at')} AS period, ${CONTEXT}, s.status, s.held,
             (s.held AND NOT EXISTS (SELECT 1 FROM report_attendance x WHERE x.session_id = s.session_id AND x.status = 'present')) AS no_show,
             s.starts_at AS k1, s.session_id AS k2, '' AS k3
      FROM report_sessions s ${JOINS}
      WHERE ${sessionWhere} ${after3(a, sql`s.starts_at, s.session_id, ''::text`)}
      ORDER BY s.starts_at, s.session_id LIMIT ${limit}`,
    tokens: (a, limit) => sql<Row>`
      SELECT to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, l.owner_kind, o.name AS owner, l.kind, l.cause, l.tokens, l.balance_after, ${CONTEXT},
             l.at AS k1, l.wallet_id AS k2, l.entry_id AS k3
      FROM report_ledger l LEFT JOIN people o ON o.id = l.owner_id
      LEFT JOIN report_sessions s ON s.session_id = l.live_session_id ${JOINS}
      WHERE ${conditions(f, { org: 'l.org_id', time: 'l.at', ...(f.studentGroupId ? { student: 'l.owner_id' } : {}) })} ${after3(a, sql`l.at, l.wallet_id, l.entry_id`)}
      ORDER BY l.at, l.wallet_id, l.entry_id LIMIT ${limit}`,
    trainings: (a, limit) => sql<Row>`
      SELECT tr.name AS training, sec.name AS section, p.name AS learner, r.status, r.ever_waitlisted, r.completed,
             to_char(ev.first_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS first_event_start,
             to_char(ev.last_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_event_end, ev.time_zone,
             ev.first_start AS k1, r.section_id AS k2, r.learner_id::text AS k3
      FROM report_training_registrations r
      JOIN report_training_sections sec ON sec.section_id = r.section_id
      JOIN report_trainings tr ON tr.training_id = r.training_id
      JOIN LATERAL (SELECT min(e.starts_at) AS first_start, max(e.ends_at) AS last_end, min(e.time_zone) AS time_zone
                    FROM report_training_events e WHERE e.section_id = r.section_id) ev ON true
      LEFT JOIN people p ON p.id = r.learner_id
      WHERE r.org_id = ${f.orgId} AND ev.first_start >= ${f.from} AND ev.first_start < ${f.to}
        ${f.trainingId ? sql`AND r.training_id = ${f.trainingId}` : sql``} ${after3(a, sql`ev.first_start, r.section_id, r.learner_id::text`)}
      ORDER BY ev.first_start, r.section_id, r.learner_id::text LIMIT ${limit}`,
    scores: (a, limit) => sql<Row>`
      SELECT * FROM (
        SELECT ${period(f, 'r.starts_at')} AS period, ${CONTEXT}, st.name AS student,
               r.speaking, r.listening, r.reading, r.writing, r.grammar, r.vocabulary, r.engagement, r.verified,
               NULL AS lesson, NULL::bigint AS exercises_answered, NULL::bigint AS exercises_correct,
               NULL::float8 AS exercise_points, NULL::float8 AS exercise_max_points,
               NULL::numeric AS exercise_score_percent, NULL::bigint AS exercises_awaiting_grading,
               r.starts_at AS k1, r.session_id AS k2, r.student_id::text AS k3
        FROM report_scores r JOIN report_sessions s ON s.session_id = r.session_id ${JOINS} LEFT JOIN people st ON st.id = r.student_id
        WHERE ${conditions(f, { org: 'r.org_id', time: 'r.starts_at', teacher: 'r.teacher_id', course: 'r.course_id', student: 'r.student_id' })}
        UNION ALL
        SELECT ${period(f, 'g.last_answered_at')}, NULL, g.teacher, g.course, NULL, NULL, NULL, NULL, g.student,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               g.lesson, g.answered, g.correct, g.points, g.max_points,
               CASE WHEN g.max_points > 0 THEN round((g.points / g.max_points * 100)::numeric, 2) END, g.awaiting_grading,
               g.last_answered_at, g.lesson_id, g.student_id::text
        FROM (${exerciseResults(f)}) g
      ) x WHERE true ${after3(a, sql`x.k1, x.k2, x.k3`)} ORDER BY x.k1, x.k2, x.k3 LIMIT ${limit}`,
  };
}

/** Yields the export's rows page by page. */
export async function* exportRows(db: Db, name: ReportName, f: ReportFilter): AsyncGenerator<Row> {
  const page = pages(f)[name];
  let after: Row | null = null;
  for (;;) {
    const { rows }: { rows: Row[] } = await page(after, PAGE).execute(db);
    for (const row of rows) yield row;
    if (rows.length < PAGE) return;
    const last: Row = rows[rows.length - 1]!;
    after = { k1: new Date(last.k1 as string).toISOString(), k2: last.k2, k3: last.k3 };
  }
}
