// Scheduling the follow-up class chosen on the completion screen: Continue Lesson (the same lesson again), Next
// Lesson (the one the next steps name), or any other lesson of the course.
import { RuleViolation, ValidationError } from '../domain/shared/errors.js';
import type { CommandContext } from './handleCommand.js';
import { scheduleLiveSession } from './liveSessions.js';
import { requireManager, type Scheduler } from './liveSessionAccess.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';

type Deps = { db: Db; eventStore: EventStore };

export type ScheduleNextInput = {
  suggestion: 'continue' | 'next' | 'other';
  courseLessonId: string | null;
  start: string;
  durationMinutes: number | null;
  /** What "Next Lesson" means now (the completion screen's next steps); null when all lessons are assigned. */
  nextLessonId: string | null;
};

/** Schedules the follow-up class for the same students, teacher and zone with the chosen lesson. */
export async function scheduleNextStep(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  newLiveSessionId: string,
  input: ScheduleNextInput,
  context: CommandContext,
) {
  const { state } = await requireManager(deps, actor, liveSessionId);
  let courseLessonId: string;
  if (input.suggestion === 'continue') {
    if (!state.courseLessonId)
      throw new RuleViolation('no_session_lesson', 'this session has no lesson to continue');
    courseLessonId = state.courseLessonId;
  } else if (input.suggestion === 'next') {
    if (!input.nextLessonId) throw new RuleViolation('all_lessons_assigned', 'all lessons assigned');
    courseLessonId = input.nextLessonId;
  } else {
    if (!input.courseLessonId)
      throw new ValidationError('choose the lesson to assign', [
        { path: 'courseLessonId', message: 'is required for "other"', code: 'required' },
      ]);
    courseLessonId = input.courseLessonId;
  }
  const group = state.kind === 'group';
  return scheduleLiveSession(
    deps,
    actor,
    newLiveSessionId,
    {
      kind: state.kind,
      courseId: state.courseId,
      courseLessonId,
      enrollmentId: state.enrollmentId,
      studentIds: group ? state.participants.map((p) => p.studentId) : [],
      studentGroupId: group ? state.studentGroupId : null,
      teacherId: state.teacherId,
      start: input.start,
      durationMinutes: input.durationMinutes ?? (group ? state.durationMinutes : null),
      timeZone: state.timeZone,
      title: null,
      notes: null,
    },
    context,
  );
}
