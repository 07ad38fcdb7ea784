// Reports on live sessions: attendance, no-shows and cancellations, teaching hours, scores (with exercise results).
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import { conditions, period, type ReportFilter } from './filters.js';
import { exerciseResultsReport } from './exerciseResults.js';

const num = (v: unknown) => Number(v ?? 0);

export async function attendanceReport(db: Db, f: ReportFilter) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ${period(f, 'a.starts_at')} AS period,
           count(DISTINCT a.session_id) AS sessions_held,
           count(*) FILTER (WHERE a.status = 'present') AS present,
           count(*) FILTER (WHERE a.status = 'present' AND a.late) AS late,
           count(*) FILTER (WHERE a.status = 'absent') AS absent,
           coalesce(sum(a.minutes_present), 0) AS minutes_present,
           coalesce(sum(a.minutes_scheduled), 0) AS minutes_scheduled
    FROM report_attendance a JOIN report_sessions s ON s.session_id = a.session_id AND s.held
    WHERE ${conditions(f, { org: 'a.org_id', time: 'a.starts_at', teacher: 'a.teacher_id', course: 'a.course_id', student: 'a.student_id' })}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.map((r) => {
    const present = num(r.present);
    const absent = num(r.absent);
    return {
      period: String(r.period),
      sessionsHeld: num(r.sessions_held),
      present,
      late: num(r.late),
      absent,
      attendanceRate: present + absent === 0 ? null : present / (present + absent),
      minutesPresent: num(r.minutes_present),
      minutesScheduled: num(r.minutes_scheduled),
    };
  });
}

export async function noShowReport(db: Db, f: ReportFilter) {
  const noShows = await sql<Record<string, unknown>>`
    SELECT ${period(f, 'a.starts_at')} AS period, a.student_id, p.name, count(*) AS absences
    FROM report_attendance a JOIN report_sessions s ON s.session_id = a.session_id AND s.held
    LEFT JOIN people p ON p.id = a.student_id
    WHERE a.status = 'absent' AND ${conditions(f, { org: 'a.org_id', time: 'a.starts_at', teacher: 'a.teacher_id', course: 'a.course_id', student: 'a.student_id' })}
    GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC, 3`.execute(db);
  const cancellations = await sql<Record<string, unknown>>`
    SELECT ${period(f, 's.starts_at')} AS period, s.canceled_by, p.name, p.role,
           count(*) AS canceled,
           count(*) FILTER (WHERE s.cancel_notice_minutes < 1440) AS within_24_hours,
           round(avg(s.cancel_notice_minutes) / 60.0, 1) AS average_notice_hours
    FROM report_sessions s LEFT JOIN people p ON p.id = s.canceled_by
    WHERE s.status = 'canceled' AND ${conditions(f, { org: 's.org_id', time: 's.starts_at', teacher: 's.teacher_id', course: 's.course_id', group: 's.student_group_id' })}
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 5 DESC`.execute(db);
  return {
    noShows: noShows.rows.map((r) => ({
      period: String(r.period),
      studentId: String(r.student_id),
      name: (r.name as string | null) ?? null,
      absences: num(r.absences),
    })),
    cancellations: cancellations.rows.map((r) => ({
      period: String(r.period),
      canceledBy: (r.canceled_by as string | null) ?? null,
      name: (r.name as string | null) ?? null,
      role: (r.role as string | null) ?? null,
      canceled: num(r.canceled),
      within24Hours: num(r.within_24_hours),
      averageNoticeHours: r.average_notice_hours === null ? null : num(r.average_notice_hours),
    })),
  };
}

export async function teachingHoursReport(db: Db, f: ReportFilter) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ${period(f, 's.starts_at')} AS period, s.teacher_id, p.name,
           coalesce(sum(s.duration_minutes) FILTER (WHERE s.held), 0) / 60.0 AS held_hours,
           coalesce(sum(s.duration_minutes) FILTER (WHERE s.status = 'canceled'), 0) / 60.0 AS canceled_hours,
           coalesce(sum(s.duration_minutes) FILTER (WHERE s.held AND NOT EXISTS (
             SELECT 1 FROM report_attendance a WHERE a.session_id = s.session_id AND a.status = 'present')), 0) / 60.0 AS no_show_hours
    FROM report_sessions s LEFT JOIN people p ON p.id = s.teacher_id
    WHERE ${conditions(f, { org: 's.org_id', time: 's.starts_at', teacher: 's.teacher_id', course: 's.course_id', group: 's.student_group_id' })}
    GROUP BY 1, 2, 3 ORDER BY 1, 3`.execute(db);
  return rows.map((r) => ({
    period: String(r.period),
    teacherId: String(r.teacher_id),
    name: (r.name as string | null) ?? null,
    heldHours: num(r.held_hours),
    canceledHours: num(r.canceled_hours),
    noShowHours: num(r.no_show_hours),
  }));
}

const SKILLS = [
  'speaking',
  'listening',
  'reading',
  'writing',
  'grammar',
  'vocabulary',
  'engagement',
] as const;

export async function scoresReport(db: Db, f: ReportFilter) {
  const averages = sql.join(SKILLS.map((k) => sql`round(avg(${sql.ref(`r.${k}`)}), 2) AS ${sql.ref(k)}`));
  const where = conditions(f, {
    org: 'r.org_id',
    time: 'r.starts_at',
    teacher: 'r.teacher_id',
    course: 'r.course_id',
    student: 'r.student_id',
  });
  const byCourse = await sql<Record<string, unknown>>`
    SELECT r.course_id AS id, c.name, count(*) AS scored, ${averages}
    FROM report_scores r LEFT JOIN courses c ON c.id = r.course_id WHERE ${where} GROUP BY 1, 2 ORDER BY 2`.execute(
    db,
  );
  const byTeacher = await sql<Record<string, unknown>>`
    SELECT r.teacher_id AS id, p.name, count(*) AS scored, ${averages}
    FROM report_scores r LEFT JOIN people p ON p.id = r.teacher_id WHERE ${where} GROUP BY 1, 2 ORDER BY 2`.execute(
    db,
  );
  const shape = (r: Record<string, unknown>) => ({
    id: String(r.id),
    name: (r.name as string | null) ?? null,
    scored: num(r.scored),
    ...(Object.fromEntries(SKILLS.map((k) => [k, num(r[k])])) as Record<(typeof SKILLS)[number], number>),
  });
  return {
    byCourse: byCourse.rows.map(shape),
    byTeacher: byTeacher.rows.map(shape),
    exercises: await exerciseResultsReport(db, f),
  };
}
