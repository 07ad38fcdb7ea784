// A student group's recurring classes, as the API returns them. Shared by the routes and the web client.
import { z } from 'zod';
import { OccurrenceSchema, RuleSchema, SkippedOccurrenceSchema } from './enrollments.js';

export const GroupRuleSchema = RuleSchema.omit({ enrollmentId: true }).extend({
  groupId: z.string(),
  courseId: z.string(),
  courseName: z.string().nullable(),
  teacherId: z.string(),
  teacherName: z.string().nullable(),
  occurrences: z.array(
    OccurrenceSchema.extend({
      participants: z.number().nullable().describe("the session's students now"),
    }),
  ),
});
export type GroupScheduleRule = z.infer<typeof GroupRuleSchema>;

export const GroupGenerationSchema = {
  scheduled: z.array(z.object({ ruleId: z.string(), start: z.string(), liveSessionId: z.string() })),
  skipped: z
    .array(SkippedOccurrenceSchema)
    .describe(
      'occurrences not scheduled, e.g. teacher_busy (teacher_double_booked), no_students (an empty group)',
    ),
  studentsChanged: z
    .array(
      z.object({
        ruleId: z.string(),
        start: z.string(),
        liveSessionId: z.string(),
        joined: z.array(z.string()),
        left: z.array(z.string()),
      }),
    )
    .describe('classes still ahead that followed a change of the group'),
};
