// Homework on an enrollment: the teacher assigns a course lesson (typically a homework lesson) with a scheduled
// date and verifies it; the student starts and passes it.
import { ForbiddenError, NotFoundError, RuleViolation } from '../domain/shared/errors.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, enrollments, lessonContents } from './aggregates.js';
import { exercisesOf } from '../domain/lessonContent/document.js';
import { loadEnrollmentFor, loadEnrollmentForStaff, type EnrollmentActor } from './enrollments.js';

type Deps = { eventStore: EventStore };

export async function assignHomework(
  deps: Deps,
  actor: EnrollmentActor,
  enrollmentId: string,
  homeworkId: string,
  input: { courseLessonId: string; scheduledFor: string | null },
  context: CommandContext,
) {
  const enrollment = await loadEnrollmentForStaff(deps.eventStore, actor, enrollmentId);
  const course = (await loadAggregate(deps.eventStore, courses, enrollment.courseId)).state;
  if (course.status === 'none' || !course.lessons.some((l) => l.lessonId === input.courseLessonId))
    throw new RuleViolation('lesson_not_in_course', 'the lesson does not belong to this course');
  return handleCommand(
    deps.eventStore,
    enrollments,
    enrollmentId,
    { type: 'AssignHomework', enrollmentId, homeworkId, now: context.now, ...input },
    context,
  );
}

export type HomeworkChange =
  | { type: 'RescheduleHomework'; scheduledFor: string | null }
  | { type: 'RemoveHomework' }
  | { type: 'StartHomework' }
  | { type: 'PassHomework' }
  | { type: 'VerifyHomework' }
  | { type: 'RevokeHomeworkVerification' };

/** Students start and pass their own homework; everything else is for the teacher or an admin. */
const studentMay = new Set<HomeworkChange['type']>(['StartHomework', 'PassHomework']);

export async function changeHomework(
  deps: Deps,
  actor: EnrollmentActor,
  enrollmentId: string,
  homeworkId: string,
  change: HomeworkChange,
  context: CommandContext,
) {
  const enrollment = await loadEnrollmentFor(deps.eventStore, actor, enrollmentId);
  if (!enrollment.homework[homeworkId]) throw new NotFoundError('homework');
  if (actor.role === 'student' && !studentMay.has(change.type))
    throw new ForbiddenError('teacher_or_admin_only', 'only the teacher or an admin can do this');
  // A lesson with exercises is started by the first answer and passed by handing in (commands/lessonContent.ts).
  if (actor.role === 'student' && (await hasExercises(deps, enrollment.homework[homeworkId]!.courseLessonId)))
    throw new RuleViolation(
      'answer_the_exercises',
      'this homework has exercises: answer them and hand them in',
    );
  return handleCommand(
    deps.eventStore,
    enrollments,
    enrollmentId,
    { ...change, enrollmentId, homeworkId, now: context.now },
    context,
  );
}

async function hasExercises(deps: Deps, lessonId: string) {
  const { state } = await loadAggregate(deps.eventStore, lessonContents, lessonId);
  return state.status === 'active' && exercisesOf(state.revisions[state.revision]!.document).length > 0;
}

/** Started by the first answer, Passed by an attempt at the pass mark: what the answers decide, not a button. */
export function homeworkFromAnswers(
  deps: Deps,
  enrollmentId: string,
  homeworkId: string,
  change: { type: 'StartHomework' } | { type: 'PassHomework' },
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    enrollments,
    enrollmentId,
    { ...change, enrollmentId, homeworkId, now: context.now },
    context,
  );
}
