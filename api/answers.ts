// Answers built from the decided state of a write, not from a read model: a create answers with its resource at
// once, even while a long transaction holds the projectors back. Names come from the people table (mutable,
// written directly) and course names from the course's own stream, so nothing here waits for a projector.
import type { Db } from '../db/schema.js';
import type { CourseState } from '../domain/course/course.js';
import type { EnrollmentState } from '../domain/enrollment/enrollment.js';
import type { LiveSessionState } from '../domain/liveSession/state.js';
import type { Course, Enrollment, ScheduleEntry } from '../contract/schedule.js';
import type { z } from 'zod';
import type { TrainingView } from '../contract/trainings.js';
import type { TrainingState } from '../domain/training/state.js';
import { courseNameOf } from '../commands/courses.js';
import { JOIN_WINDOW_MINUTES } from '../projections/schedule/queries.js';
import type { AppDeps } from './deps.js';

async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const byName = (a: { name: string | null }, b: { name: string | null }) =>
  (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff');

/** A live session as `GET /api/live-sessions/:id` shows it, from the session's state after the write. */
export async function scheduleEntryOf(
  deps: Pick<AppDeps, 'db' | 'eventStore'>,
  state: LiveSessionState,
  revision: number,
): Promise<ScheduleEntry> {
  if (state.status === 'none') throw new Error('a live session answer needs the session');
  const [names, courseName] = await Promise.all([
    namesOf(deps.db, [state.teacherId, ...state.participants.map((p) => p.studentId)]),
    courseNameOf(deps, state.courseId),
  ]);
  const start = new Date(state.start);
  return {
    id: state.liveSessionId,
    kind: state.kind,
    status: state.status,
    courseId: state.courseId,
    courseName,
    courseLessonId: state.courseLessonId,
    enrollmentId: state.enrollmentId,
    studentGroupId: state.studentGroupId,
    teacherId: state.teacherId,
    teacherName: names.get(state.teacherId) ?? null,
    start: start.toISOString(),
    end: new Date(start.getTime() + state.durationMinutes * 60_000).toISOString(),
    durationMinutes: state.durationMinutes,
    timeZone: state.timeZone,
    title: state.title,
    notes: state.notes,
    cancelReason: state.status === 'canceled' ? state.cancelReason : null,
    participants: state.participants
      .map((p) => ({
        studentId: p.studentId,
        name: names.get(p.studentId) ?? null,
        enrollmentId: p.enrollmentId ?? null,
      }))
      .sort(byName),
    revision,
    joinOpensAt: new Date(start.getTime() - JOIN_WINDOW_MINUTES * 60_000).toISOString(),
  };
}

/** A course with its lessons in order, as `GET /api/courses/:id` shows it. */
export function courseOf(state: CourseState): Course {
  if (state.status === 'none') throw new Error('a course answer needs the course');
  return {
    id: state.courseId,
    name: state.name,
    language: state.language,
    lessons: state.lessons.map((l, i) => ({ id: l.lessonId, title: l.title, kind: l.kind, position: i + 1 })),
  };
}

/** An enrollment with its names and no-show policy, as `GET /api/enrollments/:id` shows it. */
export async function enrollmentOf(
  deps: Pick<AppDeps, 'db' | 'eventStore'>,
  state: EnrollmentState,
): Promise<Enrollment & { noShowPolicy: Extract<EnrollmentState, { status: 'active' }>['noShowPolicy'] }> {
  if (state.status === 'none') throw new Error('an enrollment answer needs the enrollment');
  const [names, courseName] = await Promise.all([
    namesOf(deps.db, [state.studentId, state.teacherId]),
    courseNameOf(deps, state.courseId),
  ]);
  return {
    id: state.enrollmentId,
    courseId: state.courseId,
    courseName,
    studentId: state.studentId,
    studentName: names.get(state.studentId) ?? null,
    teacherId: state.teacherId,
    teacherName: names.get(state.teacherId) ?? null,
    defaultLessonMinutes: state.defaultLessonMinutes,
    lessonCostTokens: state.lessonCostTokens,
    noShowPolicy: state.noShowPolicy,
  };
}

/** A training just created, as `GET /api/trainings/:id` shows it: no sections yet, nobody registered. */
export function newTrainingOf(state: TrainingState, revision: number): z.infer<typeof TrainingView> {
  if (state.status === 'none') throw new Error('a training answer needs the training');
  return {
    id: state.trainingId,
    name: state.name,
    description: state.description,
    imageUrl: state.imageUrl,
    published: state.published,
    revision,
    sections: [],
    me: null,
  };
}
