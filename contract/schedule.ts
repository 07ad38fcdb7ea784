// The schedule as the API returns it: live sessions (schedule entries), courses with their lessons, enrollments.
// Shared by the route schemas (api/routes) and the web client (import type), so drift fails the build.
import { z } from 'zod';

export const ParticipantSchema = z.object({
  studentId: z.string(),
  name: z.string().nullable(),
  enrollmentId: z.string().nullable(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ScheduleEntrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  courseId: z.string(),
  courseName: z.string().nullable(),
  courseLessonId: z.string().nullable(),
  enrollmentId: z.string().nullable(),
  studentGroupId: z.string().nullable(),
  teacherId: z.string(),
  teacherName: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  title: z.string().nullable(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  participants: z.array(ParticipantSchema),
  revision: z.number(),
  joinOpensAt: z.string(),
});
export type ScheduleEntry = z.infer<typeof ScheduleEntrySchema>;

export const LessonSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  position: z.number(),
});
export type Lesson = z.infer<typeof LessonSchema>;
export const CourseSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The language the course teaches (ISO 639-1), null when not set. */
  language: z.string().nullable(),
  lessons: z.array(LessonSchema),
});
export type Course = z.infer<typeof CourseSchema>;

export const EnrollmentSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseName: z.string().nullable(),
  studentId: z.string(),
  studentName: z.string().nullable(),
  teacherId: z.string(),
  teacherName: z.string().nullable(),
  defaultLessonMinutes: z.number(),
  lessonCostTokens: z.number(),
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;
