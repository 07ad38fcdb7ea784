// The completion screen's "next steps": the students' homework for the course, the next scheduled class, or else
// the suggestions Continue Lesson (the same lesson again) and Next Lesson (the next one in the course that is not
// assigned yet), or "All lessons assigned". Read from the homework, lessons, catalog and schedule read models;
// the caller has checked that the actor manages the session.
import type { Db } from '../../db/schema.js';
import { homeworkList, type HomeworkView } from '../homework/queries.js';
import { lessonSessions } from '../lessons/queries.js';

/** The session as the next steps need it (from the live session's state). */
export type SessionForNextSteps = {
  liveSessionId: string;
  orgId: string;
  courseId: string;
  courseLessonId: string | null;
  start: string;
  participants: { studentId: string; enrollmentId: string | null }[];
};

export type Suggestion = { suggestion: 'continue' | 'next'; courseLessonId: string; title: string };
export type NextSteps = {
  liveSessionId: string;
  courseId: string;
  homework: HomeworkView[];
  nextClass: {
    id: string;
    start: string;
    end: string;
    courseLessonId: string | null;
    title: string | null;
  } | null;
  /** Only when no next class is scheduled. */
  suggestions: Suggestion[];
  allLessonsAssigned: boolean;
  /** What "Next Lesson" schedules, whether or not a next class exists already. */
  nextLesson: { courseLessonId: string; title: string } | null;
  /** Every course lesson, for "Assign Other Lesson", with whether it is already assigned. */
  lessons: { courseLessonId: string; title: string; type: string; assigned: boolean }[];
};

export async function nextSteps(db: Db, state: SessionForNextSteps): Promise<NextSteps> {
  const liveSessionId = state.liveSessionId;
  const enrollmentIds = state.participants.flatMap((p) => (p.enrollmentId ? [p.enrollmentId] : []));
  const studentIds = state.participants.map((p) => p.studentId);
  const homework = (await homeworkList(db, { orgId: state.orgId, enrollmentIds })).filter(
    (h) => h.courseId === state.courseId,
  );
  const lessons = await db
    .selectFrom('course_lessons')
    .select(['id', 'title', 'kind', 'position'])
    .where('course_id', '=', state.courseId)
    .orderBy('position')
    .execute();
  const assigned = new Set([
    ...(await lessonSessions(db, enrollmentIds)).map((s) => s.lessonId),
    ...homework.map((h) => h.courseLessonId),
    ...(state.courseLessonId ? [state.courseLessonId] : []),
  ]);
  const nextClass = await nextClassAfter(db, state, studentIds);

  // Next Lesson: the first unassigned lesson after this one in the sequence (homework lessons are assigned as
  // homework, not taught in class), else the first unassigned one before it.
  const current = lessons.find((l) => l.id === state.courseLessonId);
  const open = lessons.filter((l) => l.kind !== 'homework' && !assigned.has(l.id));
  const next = open.find((l) => !current || l.position > current.position) ?? open[0];
  const suggestions: Suggestion[] = [];
  if (!nextClass) {
    if (current)
      suggestions.push({ suggestion: 'continue', courseLessonId: current.id, title: current.title });
    if (next) suggestions.push({ suggestion: 'next', courseLessonId: next.id, title: next.title });
  }
  return {
    liveSessionId,
    courseId: state.courseId,
    homework,
    nextClass,
    suggestions,
    allLessonsAssigned: open.length === 0,
    nextLesson: next ? { courseLessonId: next.id, title: next.title } : null,
    lessons: lessons.map((l) => ({
      courseLessonId: l.id,
      title: l.title,
      type: l.kind,
      assigned: assigned.has(l.id),
    })),
  };
}

/** The students' next class in this course after this session: scheduled (or running), not canceled. */
async function nextClassAfter(
  db: Db,
  state: { liveSessionId: string; courseId: string; start: string },
  studentIds: string[],
) {
  if (studentIds.length === 0) return null;
  const row = await db
    .selectFrom('schedule_sessions as s')
    .innerJoin('schedule_participants as p', 'p.session_id', 's.id')
    .select(['s.id', 's.starts_at', 's.ends_at', 's.course_lesson_id', 's.title'])
    .where('p.student_id', 'in', studentIds)
    .where('s.course_id', '=', state.courseId)
    .where('s.id', '!=', state.liveSessionId)
    .where('s.status', 'in', ['scheduled', 'active'])
    .where('s.starts_at', '>', new Date(state.start))
    .orderBy('s.starts_at')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    start: new Date(row.starts_at).toISOString(),
    end: new Date(row.ends_at).toISOString(),
    courseLessonId: row.course_lesson_id,
    title: row.title,
  };
}
