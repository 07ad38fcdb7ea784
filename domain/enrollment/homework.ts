// Homework on an enrollment: a course lesson assigned to the student with a scheduled date, moving through
// Added -> Started -> Passed -> Verified. The student starts and passes it; the teacher verifies it.
import { z } from 'zod';
import { NotFoundError, RuleViolation } from '../shared/errors.js';

export const HomeworkStatus = z.enum(['added', 'started', 'passed', 'verified']);
export type HomeworkStatus = z.infer<typeof HomeworkStatus>;

const ref = { enrollmentId: z.string(), homeworkId: z.string() };

export const homeworkEvents = [
  z.object({
    type: z.literal('HomeworkAssigned'),
    data: z.object({
      ...ref,
      courseLessonId: z.string(),
      scheduledFor: z.string().nullable(),
      at: z.string(),
    }),
  }),
  z.object({
    type: z.literal('HomeworkRescheduled'),
    data: z.object({ ...ref, scheduledFor: z.string().nullable() }),
  }),
  z.object({ type: z.literal('HomeworkRemoved'), data: z.object(ref) }),
  z.object({ type: z.literal('HomeworkStarted'), data: z.object({ ...ref, at: z.string() }) }),
  z.object({ type: z.literal('HomeworkPassed'), data: z.object({ ...ref, at: z.string() }) }),
  z.object({ type: z.literal('HomeworkVerified'), data: z.object({ ...ref, at: z.string() }) }),
  /** Back to Passed, so that the work (and the feedback on it) can be changed. */
  z.object({ type: z.literal('HomeworkVerificationRevoked'), data: z.object(ref) }),
] as const;
export type HomeworkEvent = z.infer<(typeof homeworkEvents)[number]>;

type Base = { enrollmentId: string; homeworkId: string; now: string };
export type HomeworkCommand =
  | (Base & { type: 'AssignHomework'; courseLessonId: string; scheduledFor: string | null })
  | (Base & { type: 'RescheduleHomework'; scheduledFor: string | null })
  | (Base & { type: 'RemoveHomework' })
  | (Base & { type: 'StartHomework' })
  | (Base & { type: 'PassHomework' })
  | (Base & { type: 'VerifyHomework' })
  | (Base & { type: 'RevokeHomeworkVerification' });

export type Homework = {
  homeworkId: string;
  courseLessonId: string;
  status: HomeworkStatus;
  scheduledFor: string | null;
  assignedAt: string;
};
export type HomeworkState = Record<string, Homework>;

export function decideHomework(command: HomeworkCommand, homework: HomeworkState): HomeworkEvent[] {
  const { enrollmentId, homeworkId, now } = command;
  const ref = { enrollmentId, homeworkId };
  if (command.type === 'AssignHomework') {
    const existing = homework[homeworkId];
    if (existing) {
      if (existing.courseLessonId === command.courseLessonId) return [];
      throw new RuleViolation('homework_exists', 'this homework already exists');
    }
    if (Object.values(homework).some((h) => h.courseLessonId === command.courseLessonId))
      throw new RuleViolation('homework_already_assigned', 'this lesson is already assigned as homework');
    const { courseLessonId, scheduledFor } = command;
    return [{ type: 'HomeworkAssigned', data: { ...ref, courseLessonId, scheduledFor, at: now } }];
  }
  const current = homework[homeworkId];
  if (!current) throw new NotFoundError('homework');
  switch (command.type) {
    case 'RescheduleHomework':
      if (command.scheduledFor === current.scheduledFor) return [];
      return [{ type: 'HomeworkRescheduled', data: { ...ref, scheduledFor: command.scheduledFor } }];
    case 'RemoveHomework':
      if (current.status === 'verified')
        throw new RuleViolation('homework_verified', 'revoke the verification before removing this homework');
      return [{ type: 'HomeworkRemoved', data: ref }];
    case 'StartHomework':
      if (current.status !== 'added') return [];
      return [{ type: 'HomeworkStarted', data: { ...ref, at: now } }];
    case 'PassHomework':
      if (current.status === 'passed') return [];
      if (current.status === 'verified')
        throw new RuleViolation('homework_already_verified', 'this homework is already verified');
      return [{ type: 'HomeworkPassed', data: { ...ref, at: now } }];
    case 'VerifyHomework':
      if (current.status === 'verified') return [];
      if (current.status !== 'passed')
        throw new RuleViolation('homework_not_passed', 'only passed homework can be verified');
      return [{ type: 'HomeworkVerified', data: { ...ref, at: now } }];
    case 'RevokeHomeworkVerification':
      if (current.status !== 'verified') return [];
      return [{ type: 'HomeworkVerificationRevoked', data: ref }];
    default: {
      const _exhaustive: never = command;
      return [];
    }
  }
}

const statusAfter = {
  HomeworkStarted: 'started',
  HomeworkPassed: 'passed',
  HomeworkVerified: 'verified',
  HomeworkVerificationRevoked: 'passed',
} as const;

export function evolveHomework(homework: HomeworkState, event: HomeworkEvent): HomeworkState {
  const id = event.data.homeworkId;
  switch (event.type) {
    case 'HomeworkAssigned': {
      const { courseLessonId, scheduledFor, at } = event.data;
      return {
        ...homework,
        [id]: { homeworkId: id, courseLessonId, scheduledFor, status: 'added', assignedAt: at },
      };
    }
    case 'HomeworkRemoved': {
      const { [id]: _removed, ...rest } = homework;
      return rest;
    }
    case 'HomeworkRescheduled':
      return update(homework, id, { scheduledFor: event.data.scheduledFor });
    case 'HomeworkStarted':
    case 'HomeworkPassed':
    case 'HomeworkVerified':
    case 'HomeworkVerificationRevoked':
      return update(homework, id, { status: statusAfter[event.type] });
    default: {
      const _exhaustive: never = event;
      return homework;
    }
  }
}

function update(homework: HomeworkState, id: string, change: Partial<Homework>): HomeworkState {
  const current = homework[id];
  return current ? { ...homework, [id]: { ...current, ...change } } : homework;
}
