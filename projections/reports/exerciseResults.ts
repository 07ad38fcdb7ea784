// Exercise results for the scores report: per student and lesson, the exercises answered, how many were right,
// the points and the score, read at query time from the lessonAnswers read model (lesson_answers) joined with the
// catalog (lesson, course), the live session or the homework's enrollment (teacher) and people (names).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/schema.js';
import { conditions, type ReportFilter } from './filters.js';

/**
 * One row per student and lesson. A student who answered a lesson in several contexts (a live session, then as
 * homework) is counted by their latest answer to each exercise. `points` and `maxPoints` are of the graded
 * answers (an essay waiting for the teacher counts in `awaitingGrading`), `percent` is points of maxPoints.
 */
export function exerciseResults(f: ReportFilter): RawBuilder<Record<string, unknown>> {
  return sql<Record<string, unknown>>`
    SELECT x.student_id, st.name AS student, x.lesson_id, cl.title AS lesson, x.course_id, c.name AS course,
           string_agg(DISTINCT t.name, ', ') AS teacher,
           count(*) AS answered,
           count(*) FILTER (WHERE x.correct) AS correct,
           coalesce(sum(x.points), 0) AS points,
           coalesce(sum(x.max_points) FILTER (WHERE x.points IS NOT NULL), 0) AS max_points,
           count(*) FILTER (WHERE x.points IS NULL) AS awaiting_grading,
           max(x.answered_at) AS last_answered_at
    FROM (
      SELECT DISTINCT ON (la.student_id, la.lesson_id, la.exercise_id)
             la.org_id, la.student_id, la.lesson_id, la.points, la.max_points, la.correct, la.answered_at,
             cl.course_id, coalesce(rs.teacher_id, e.teacher_id) AS teacher_id
      FROM lesson_answers la
      LEFT JOIN course_lessons cl ON cl.id = la.lesson_id
      LEFT JOIN report_sessions rs ON la.context_kind = 'live' AND rs.session_id = la.context_id
      LEFT JOIN homework h ON la.context_kind = 'homework' AND h.id = la.context_id
      LEFT JOIN enrollments e ON e.id = h.enrollment_id
      WHERE la.org_id = ${f.orgId}
      ORDER BY la.student_id, la.lesson_id, la.exercise_id, la.answered_at DESC
    ) x
    LEFT JOIN people st ON st.id = x.student_id
    LEFT JOIN people t ON t.id = x.teacher_id
    LEFT JOIN course_lessons cl ON cl.id = x.lesson_id
    LEFT JOIN courses c ON c.id = x.course_id
    WHERE ${conditions(f, { org: 'x.org_id', time: 'x.answered_at', teacher: 'x.teacher_id', course: 'x.course_id', student: 'x.student_id' })}
    GROUP BY x.student_id, st.name, x.lesson_id, cl.title, x.course_id, c.name`;
}

const num = (v: unknown) => Number(v ?? 0);
const round = (n: number) => Math.round(n * 100) / 100;

export async function exerciseResultsReport(db: Db, f: ReportFilter) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT * FROM (${exerciseResults(f)}) g ORDER BY g.student NULLS LAST, g.student_id, g.lesson NULLS LAST, g.lesson_id`.execute(
    db,
  );
  return rows.map((r) => {
    const points = num(r.points);
    const maxPoints = num(r.max_points);
    return {
      studentId: String(r.student_id),
      student: (r.student as string | null) ?? null,
      lessonId: String(r.lesson_id),
      lesson: (r.lesson as string | null) ?? null,
      courseId: (r.course_id as string | null) ?? null,
      course: (r.course as string | null) ?? null,
      answered: num(r.answered),
      correct: num(r.correct),
      points: round(points),
      maxPoints: round(maxPoints),
      percent: maxPoints === 0 ? null : round((points / maxPoints) * 100),
      awaitingGrading: num(r.awaiting_grading),
      lastAnsweredAt: new Date(r.last_answered_at as string).toISOString(),
    };
  });
}
