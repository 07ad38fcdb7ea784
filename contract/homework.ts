// Homework on an enrollment as the API returns it. Shared by the routes and the web client.
import { z } from 'zod';
import { HomeworkStatus } from '../domain/enrollment/homework.js';

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
