// An enrollment's recurring schedule rules and its lessons (the Lesson Library), as the API returns them.
// Shared by the routes and the web client.
import { z } from 'zod';
import { LessonKind } from '../domain/course/course.js';
import { SkipReason } from '../domain/enrollment/scheduleRules.js';
import { LessonScoreSchema } from './lessons.js';

export { SkipReason };

/** A skip's stable code and the values its sentence needs, which the interface words in the person's language. */
function skipWording() {
  return {
    reasonCode: SkipReason.nullable().describe(
      'why it was skipped: teacher_busy, no_students, course_gone, teacher_gone, in_the_past, other (then see reason); null when scheduled, or skipped before codes were for a reason only `reason` names',
    ),
    conflictStart: z.string().nullable().describe('teacher_busy: when the conflicting session starts'),
    conflictEnd: z.string().nullable().describe('teacher_busy: when the conflicting session ends'),
  };
}

/** An occurrence a generation did not schedule, and why. */
export const SkippedOccurrenceSchema = z.object({
  ruleId: z.string(),
  start: z.string(),
  reason: z.string().describe('the refusal code as recorded, e.g. teacher_double_booked, no_participants'),
  conflictingLiveSessionId: z.string().nullable(),
  code: SkipReason.describe('why, for the interface to word: see reasonCode of an occurrence'),
  conflictStart: z.string().nullable(),
  conflictEnd: z.string().nullable(),
});
export type SkippedOccurrence = z.infer<typeof SkippedOccurrenceSchema>;

export const OccurrenceSchema = z.object({
  start: z.string(),
  outcome: z.enum(['scheduled', 'skipped']),
  liveSessionId: z.string().nullable(),
  sessionStatus: z.string().nullable(),
  sessionStart: z.string().nullable(),
  reason: z.string().nullable().describe("a skip's refusal code as recorded, e.g. teacher_double_booked"),
  conflictingLiveSessionId: z.string().nullable(),
  ...skipWording(),
});
export const RuleSchema = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  weekdays: z.array(z.string()),
  time: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number(),
  startsOn: z.string(),
  endsAt: z.string().nullable(),
  splitFrom: z.string().nullable(),
  occurrences: z.array(OccurrenceSchema),
});
export type ScheduleRule = z.infer<typeof RuleSchema>;

export const LessonStatus = z.enum(['completed', 'upcoming', 'not_scheduled']);
export const EnrollmentLessonSchema = z.object({
  courseLessonId: z.string(),
  position: z.number(),
  title: z.string(),
  type: LessonKind,
  status: LessonStatus,
  liveSessionId: z.string().nullable().describe('the next session with this lesson, else the last one'),
  start: z.string().nullable(),
  homework: z.object({ id: z.string(), status: z.string(), scheduledFor: z.string().nullable() }).nullable(),
  /** The student's score: their homework's last attempt or answers, else their answers in the latest session. */
  score: LessonScoreSchema.nullable(),
});
export type EnrollmentLesson = z.infer<typeof EnrollmentLessonSchema>;
