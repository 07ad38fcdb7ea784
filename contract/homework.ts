// Homework on an enrollment as the API returns it. Shared by the routes and the web client.
import { z } from 'zod';
import { HomeworkStatus } from '../domain/enrollment/homework.js';
import { AttemptSchema } from './lessons.js';

export const HomeworkSchema = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  courseId: z.string(),
  studentId: z.string(),
  courseLessonId: z.string(),
  title: z.string().nullable(),
  kind: z.string().nullable(),
  status: HomeworkStatus,
  scheduledFor: z.string().nullable(),
  assignedAt: z.string(),
  updatedAt: z.string(),
});
export type Homework = z.infer<typeof HomeworkSchema>;

/** What the homework routes answer: the item with its last attempt handed in (score, outcome), if any. */
export const HomeworkItemSchema = HomeworkSchema.extend({
  lastAttempt: AttemptSchema.nullable().describe('outcome: passed, try_again or awaiting_grading'),
});
export type HomeworkItem = z.infer<typeof HomeworkItemSchema>;
