// Post-session summaries as the API returns them, shared by the routes and the web client: the teacher summary
// (admins), each participant's summary, the "Post-Session Summary" switch and the "Lesson Summary" preference.
import { z } from 'zod';
import { StudentSummary, TeacherSummary } from '../domain/sessionSummary/summary.js';
import { PersonLanguage } from '../domain/shared/languages.js';
import { SummaryRefusalCode } from '../domain/sessionSummary/events.js';

export { StudentSummary, SummaryRefusalCode, TeacherSummary };

export const SummarySwitch = z.object({ enabled: z.boolean() });
export type SummarySwitch = z.infer<typeof SummarySwitch>;
export const SummaryPreferences = z.object({
  lessonSummary: z.boolean().describe('"Lesson Summary": mail me my lesson summaries'),
  language: PersonLanguage.describe('my own language: my summaries and summary mails are written in it'),
});
export type SummaryPreferences = z.infer<typeof SummaryPreferences>;
/** A change of preferences: what is left out stays as it is. */
export const SummaryPreferencesChange = SummaryPreferences.partial().refine(
  (p) => p.lessonSummary !== undefined || p.language !== undefined,
  { message: 'give lessonSummary or language' },
);

export const SummaryHead = z.object({
  liveSessionId: z.string(),
  lessonTitle: z.string(),
  courseLessonId: z.string().nullable(),
  madeAt: z.string(),
  revision: z
    .number()
    .int()
    .describe('0: made when the session ended; each remaking after a correction counts up'),
  costTokens: z.number().describe("what the organisation's wallet paid for them"),
});
export const SummaryRefusal = z
  .object({
    revision: z.number().int(),
    code: z
      .string()
      .describe(
        `why, for the interface to word with tokens and balance: ${SummaryRefusalCode.options.join(', ')}`,
      ),
    reason: z.string(),
    tokens: z.number(),
    balance: z.number().nullable(),
    refusedAt: z.string(),
  })
  .describe("the newest summaries asked for were not made: the organisation's wallet could not pay them");
export type SummaryRefusal = z.infer<typeof SummaryRefusal>;
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
  refused: SummaryRefusal.nullable().describe("admins and the session's teacher; null for students"),
  canRegenerate: z.boolean().describe('whether the viewer may make the summaries again'),
});

export const SummaryCostSettings = z.object({
  summaryCostTokens: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .describe("tokens the organisation's wallet pays each time a session's summaries are made (0: free)"),
});
export type SummaryCostSettings = z.infer<typeof SummaryCostSettings>;
export const SummaryRecipientSettings = z.object({
  teacherLessonSummaryRecipients: z
    .array(z.email().max(254))
    .max(20)
    .describe('"Teacher Lesson Summary Recipients": the teacher summary of every session is mailed to them'),
});
export type SummaryRecipientSettings = z.infer<typeof SummaryRecipientSettings>;
/** What the summary settings show: the cost (staff) and, for admins, the recipients and the balance. */
export const SummarySettings = SummaryCostSettings.extend({
  teacherLessonSummaryRecipients: z.array(z.string()).nullable().describe('admins only; null for teachers'),
  balance: z.number().describe("the organisation's available balance"),
  allowOverdraft: z.boolean(),
  canAfford: z.boolean().describe('whether the next summaries can be paid'),
});
export type SummarySettings = z.infer<typeof SummarySettings>;
export type SessionSummaries = z.infer<typeof SessionSummaries>;
export type TeacherSummaryData = z.infer<typeof TeacherSummary>;
export type StudentSummaryData = z.infer<typeof StudentSummary>;
