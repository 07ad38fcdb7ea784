// Post-session summaries as the API returns them, shared by the routes and the web client: the teacher summary
// (admins), each participant's summary, the "Post-Session Summary" switch and the "Lesson Summary" preference.
import { z } from 'zod';
import { StudentSummary, TeacherSummary } from '../domain/sessionSummary/summary.js';

export { StudentSummary, TeacherSummary };

export const SummarySwitch = z.object({ enabled: z.boolean() });
export type SummarySwitch = z.infer<typeof SummarySwitch>;
export const SummaryPreferences = z.object({
  lessonSummary: z.boolean().describe('"Lesson Summary": mail me my lesson summaries'),
});
export type SummaryPreferences = z.infer<typeof SummaryPreferences>;

export const SummaryHead = z.object({
  liveSessionId: z.string(),
  lessonTitle: z.string(),
  courseLessonId: z.string().nullable(),
  madeAt: z.string(),
});
export const TeacherSummaryView = SummaryHead.extend({ summary: TeacherSummary });
export const StudentSummaryView = SummaryHead.extend({ mailed: z.boolean(), summary: StudentSummary });

/** What the Summary tab of a session shows to the viewer: only what they may read. */
export const SessionSummaries = z.object({
  head: SummaryHead.nullable().describe('null: no summary was made for this session (yet)'),
  teacher: TeacherSummary.nullable().describe(
    "the teacher summary: admins only (the session's teacher: null)",
  ),
  students: z
    .array(
      z.object({
        studentId: z.string(),
        name: z.string().nullable(),
        mailed: z.boolean(),
        summary: StudentSummary,
      }),
    )
    .describe("a student: their own only; the session's teacher and admins: everyone's"),
});
export type SessionSummaries = z.infer<typeof SessionSummaries>;
export type TeacherSummaryData = z.infer<typeof TeacherSummary>;
export type StudentSummaryData = z.infer<typeof StudentSummary>;
