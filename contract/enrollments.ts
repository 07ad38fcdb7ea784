// An enrollment's recurring schedule rules and its lessons (the Lesson Library), as the API returns them.
// Shared by the routes and the web client.
import { z } from 'zod';
import { LessonKind } from '../domain/course/course.js';
import { LessonScoreSchema } from './lessons.js';

export const OccurrenceSchema = z.object({
  start: z.string(),
  outcome: z.enum(['scheduled', 'skipped']),
  liveSessionId: z.string().nullable(),
  sessionStatus: z.string().nullable(),
  sessionStart: z.string().nullable(),
  reason: z.string().nullable(),
  conflictingLiveSessionId: z.string().nullable(),
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
