// Post-session summaries, their facts: the teacher summary and the participants' summaries as recorded, and the
// decider of a session's summaries. Made once when the session ends; made again (a higher revision) when an admin
// or the session's teacher asks after a correction. A revision the organisation's wallet could not pay is
// recorded as refused (no summaries made), with the reason.
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { PersonLanguage } from '../shared/languages.js';

export const HomeworkAtEnd = z.object({ homeworkId: z.string(), status: z.string() });
export type HomeworkAtEnd = z.infer<typeof HomeworkAtEnd>;
export const TypeCount = z.object({
  type: z.string(),
  answered: z.number().int(),
  correct: z.number().int(),
  incorrect: z.number().int(),
});
export const StudentSummary = z.object({
  studentId: z.string(),
  attended: z.boolean(),
  answered: z.number().int(),
  correct: z.number().int(),
  incorrect: z.number().int(),
  pending: z.number().int(),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number().nullable(),
  byType: z.array(TypeCount),
  mistakes: z.array(
    z.object({ exerciseId: z.string(), type: z.string(), expected: z.string(), given: z.string() }),
  ),
  /** The vocabulary the lesson introduced. */
  newWords: z.array(z.string()).default([]),
  /** Seconds their microphone heard them speak; null when the room measured nothing. */
  speakingSeconds: z.number().nullable().default(null),
  /** The student's own language, which `text` is written in. */
  language: PersonLanguage.default('en'),
  text: z.string(),
});
export type StudentSummary = z.infer<typeof StudentSummary>;
export const TeacherSummary = z.object({
  participants: z.number().int(),
  attended: z.number().int(),
  answeredBy: z.number().int(),
  averagePercent: z.number().nullable(),
  byType: z.array(TypeCount),
  hardest: z.array(z.object({ exerciseId: z.string(), type: z.string(), incorrect: z.number().int() })),
  students: z.array(
    z.object({
      studentId: z.string(),
      percent: z.number().nullable(),
      answered: z.number().int(),
      minutesPresent: z.number().int().default(0),
      chatMessages: z.number().int().default(0),
      pollAnswers: z.number().int().default(0),
      speakingSeconds: z.number().default(0),
      /** The homework of this lesson for the student and its status when the summary was made. */
      homework: HomeworkAtEnd.nullable().default(null),
    }),
  ),
  /** Who spoke how long (from each browser's own microphone); null when the room measured nothing. */
  speaking: z
    .object({
      totalSeconds: z.number(),
      hostSeconds: z.number(),
      participantSeconds: z.number(),
      participantShare: z.number().nullable(),
      people: z.array(z.object({ personId: z.string(), seconds: z.number(), share: z.number().nullable() })),
    })
    .nullable()
    .default(null),
  /** The language that dominated the chat and the lesson text (ISO 639-1 or 639-3), null when unknown. */
  language: z
    .object({ code: z.string(), share: z.number(), pieces: z.number().int() })
    .nullable()
    .default(null),
  newWords: z.array(z.string()).default([]),
  text: z.string(),
});
export type TeacherSummary = z.infer<typeof TeacherSummary>;

const Made = z.object({
  liveSessionId: z.string(),
  orgId: z.string(),
  teacherId: z.string(),
  courseLessonId: z.string().nullable(),
  lessonTitle: z.string(),
  teacherSummary: TeacherSummary,
  studentSummaries: z.array(StudentSummary),
  /** The students a summary mail goes to. */
  mailTo: z.array(z.string()),
  /** The teacher summary goes to the organisation's "Teacher Lesson Summary Recipients" (set when made). */
  mailTeacherSummary: z.boolean().default(false),
  /** 0 when the session ended; each regeneration after a correction counts up. */
  revision: z.number().int().default(0),
  /** Who asked to make them again (null: made when the session ended). */
  requestedBy: z.string().nullable().default(null),
  /** What the organisation's wallet paid for them. */
  costTokens: z.number().default(0),
  at: z.string(),
});
/** Why a revision's summaries were not made: a stable code the interface words in each person's language. */
export const SummaryRefusalCode = z.enum(['insufficient_balance']);
export type SummaryRefusalCode = z.infer<typeof SummaryRefusalCode>;

const Refused = z.object({
  liveSessionId: z.string(),
  orgId: z.string(),
  teacherId: z.string(),
  revision: z.number().int(),
  requestedBy: z.string().nullable(),
  tokens: z.number(),
  balance: z.number().nullable(),
  /** A SummaryRefusalCode; `reason` is its English, with `tokens` and `balance`. */
  code: z.string(),
  reason: z.string(),
  at: z.string(),
});

export const SessionSummaryEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PostSessionSummariesMade'), data: Made }),
  /** The organisation's wallet could not pay: no summaries were made for this revision. */
  z.object({ type: z.literal('PostSessionSummariesRefused'), data: Refused }),
]);
export type SessionSummaryEvent = z.infer<typeof SessionSummaryEvent>;
export type SessionSummaryCommand =
  | ({ type: 'MakePostSessionSummaries' } & z.input<typeof Made>)
  | ({ type: 'RefusePostSessionSummaries' } & z.infer<typeof Refused>);
/** The newest revision made (-1: none yet) and the newest refused. */
export type SessionSummaryState = { made: boolean; revision: number; refusedRevision: number };

export const sessionSummaryDecider: Decider<SessionSummaryCommand, SessionSummaryEvent, SessionSummaryState> =
  {
    initialState: () => ({ made: false, revision: -1, refusedRevision: -1 }),
    decide(command, state) {
      const { type, ...data } = command;
      const revision = data.revision ?? 0;
      // A revision is made or refused once; a repeat (a retried process, a replayed request) changes nothing.
      if (revision <= state.revision) return [];
      if (type === 'RefusePostSessionSummaries') {
        if (revision <= state.refusedRevision) return [];
        return [{ type: 'PostSessionSummariesRefused', data: data as z.infer<typeof Refused> }];
      }
      return [{ type: 'PostSessionSummariesMade', data: Made.parse(data) }];
    },
    evolve: (state, event) =>
      event.type === 'PostSessionSummariesMade'
        ? { ...state, made: true, revision: event.data.revision }
        : { ...state, refusedRevision: event.data.revision },
  };
