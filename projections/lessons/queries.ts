// The lesson list of an enrollment (the live room's Lesson Library): every course lesson with its type and a
// status from the schedule and homework. A lesson linked to an ended or past session of the enrollment, or
// homework passed or verified, is completed; one linked to a future session, or homework still open, is
// upcoming; anything else is not scheduled. Canceled sessions do not count: their lesson stays available.
import type { Db } from '../../db/schema.js';

export type LessonStatus = 'completed' | 'upcoming' | 'not_scheduled';
export type EnrollmentLesson = {
  courseLessonId: string;
  position: number;
  title: string;
  type: string;
  status: LessonStatus;
  /** The next future session with this lesson, else the last past one. */
  liveSessionId: string | null;
  start: string | null;
  homework: { id: string; status: string; scheduledFor: string | null } | null;
};

type SessionLink = { lessonId: string; sessionId: string; start: number; end: number; status: string };

/** Sessions (not canceled or deleted) of these enrollments that name a course lesson. */
export async function lessonSessions(db: Db, enrollmentIds: string[]): Promise<SessionLink[]> {
  if (enrollmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('schedule_sessions as s')
    .innerJoin('schedule_participants as p', 'p.session_id', 's.id')
    .select(['s.id', 's.course_lesson_id', 's.starts_at', 's.ends_at', 's.status'])
    .where('p.enrollment_id', 'in', enrollmentIds)
    .where('s.course_lesson_id', 'is not', null)
    .where('s.status', 'not in', ['canceled', 'deleted'])
    .distinct()
    .execute();
  return rows.map((r) => ({
    lessonId: r.course_lesson_id!,
    sessionId: r.id,
    start: new Date(r.starts_at).getTime(),
    end: new Date(r.ends_at).getTime(),
    status: r.status,
  }));
}

export async function enrollmentLessons(
  db: Db,
  enrollment: { enrollmentId: string; courseId: string },
  now: Date,
): Promise<EnrollmentLesson[]> {
  const lessons = await db
    .selectFrom('course_lessons')
    .select(['id', 'title', 'kind', 'position'])
    .where('course_id', '=', enrollment.courseId)
    .orderBy('position')
    .execute();
  const sessions = await lessonSessions(db, [enrollment.enrollmentId]);
  const homework = await db
    .selectFrom('homework')
    .select(['id', 'course_lesson_id', 'status', 'scheduled_for'])
    .where('enrollment_id', '=', enrollment.enrollmentId)
    .execute();
  const t = now.getTime();
  return lessons.map((lesson) => {
    const linked = sessions.filter((s) => s.lessonId === lesson.id);
    const isDone = (s: SessionLink) => s.status === 'ended' || s.end <= t;
    const upcoming = linked.filter((s) => !isDone(s)).sort((a, b) => a.start - b.start)[0];
    const past = linked.filter(isDone).sort((a, b) => b.start - a.start)[0];
    const h = homework.find((x) => x.course_lesson_id === lesson.id);
    const homeworkDone = h?.status === 'passed' || h?.status === 'verified';
    const status: LessonStatus =
      past || homeworkDone ? 'completed' : upcoming || h ? 'upcoming' : 'not_scheduled';
    const shown = upcoming ?? past;
    return {
      courseLessonId: lesson.id,
      position: lesson.position,
      title: lesson.title,
      type: lesson.kind,
      status,
      liveSessionId: shown?.sessionId ?? null,
      start: shown ? new Date(shown.start).toISOString() : null,
      homework: h
        ? {
            id: h.id,
            status: h.status,
            scheduledFor: h.scheduled_for === null ? null : new Date(h.scheduled_for).toISOString(),
          }
        : null,
    };
  });
}

/** Case-insensitive match of a title against a search text (the Lesson Library's search box). */
export const titleMatches = (title: string, search: string) =>
  title.toLocaleLowerCase().includes(search.trim().toLocaleLowerCase());
