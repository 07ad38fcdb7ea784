// The completion flow as the API returns it: the billing preview, the completion, scores with feedback, the
// running session's attendance (lifecycle) and the next steps. Shared by the routes and the web client.
import { z } from 'zod';
import { HomeworkSchema } from './homework.js';

export const CompletionAction = z.enum(['finish', 'finish_and_deduct', 'verify_and_deduct']);
export type CompletionAction = z.infer<typeof CompletionAction>;

export const Preview = z.object({
  liveSessionId: z.string(),
  action: CompletionAction,
  allowOverdraft: z.boolean(),
  lines: z.array(
    z.object({
      studentId: z.string(),
      enrollmentId: z.string().nullable(),
      attendance: z.enum(['present', 'absent', 'unmarked']),
      tokens: z.number(),
      balance: z.number(),
      balanceAfter: z.number(),
      outcome: z
        .enum(['debit', 'refused', 'free', 'not_charged', 'unpriced'])
        .describe('unpriced: present, but no rule prices the lesson for them (set a price before deducting)'),
      rule: z
        .enum(['course_enrollment', 'teacher_enrollment', 'participant_price', 'unpriced'])
        .describe(
          "which price applied: the enrollment in the session's course, else one with its teacher, else the " +
            'price set when the student was added',
        ),
      ruleNote: z
        .string()
        .describe('the rule in English words, for API clients; the web client words it itself'),
      lessonCostTokens: z
        .number()
        .nullable()
        .describe("the lesson's price under the rule that applied, in tokens; null when unpriced"),
    }),
  ),
  fingerprint: z.string(),
});
export type Preview = z.infer<typeof Preview>;
export type PreviewLine = Preview['lines'][number];

export const Completion = z.object({
  liveSessionId: z.string(),
  status: z.string(),
  action: z.string().nullable(),
  charged: z
    .boolean()
    .describe('whether the lesson has been deducted: false after "finish" until it is verified and deducted'),
  revision: z.number(),
  attendance: z.array(
    z.object({
      studentId: z.string(),
      status: z.string(),
      reason: z.string().nullable(),
      minutesPresent: z.number(),
      late: z.boolean(),
    }),
  ),
});
export type Completion = z.infer<typeof Completion>;

const ScoreValue = z.number().int().min(1).max(5);
export const Scores = z.object({
  speaking: ScoreValue,
  listening: ScoreValue,
  reading: ScoreValue,
  writing: ScoreValue,
  grammar: ScoreValue,
  vocabulary: ScoreValue,
  engagement: ScoreValue,
});
export const Feedback = z.object({
  studentId: z.string(),
  scores: Scores,
  comment: z.string().nullable(),
  verified: z.boolean(),
});
export type Scores = z.infer<typeof Scores>;
export type Feedback = z.infer<typeof Feedback>;

export const LifecycleView = z.object({
  id: z.string(),
  status: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  revision: z.number(),
  attendance: z.array(
    z.object({
      personId: z.string(),
      role: z.enum(['teacher', 'student']),
      inRoom: z.boolean(),
      firstJoinedAt: z.string().nullable(),
      minutesPresent: z.number(),
      late: z.boolean(),
    }),
  ),
});
export type LifecycleView = z.infer<typeof LifecycleView>;

const NextLesson = { courseLessonId: z.string(), title: z.string() };
export const NextStepsSchema = z.object({
  liveSessionId: z.string(),
  courseId: z.string(),
  homework: z.array(HomeworkSchema).describe("the students' homework for this course, with status badges"),
  nextClass: z
    .object({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      courseLessonId: z.string().nullable(),
      title: z.string().nullable(),
    })
    .nullable(),
  suggestions: z
    .array(z.object({ suggestion: z.enum(['continue', 'next']), ...NextLesson }))
    .describe('Continue Lesson / Next Lesson, when no next class is scheduled'),
  allLessonsAssigned: z.boolean().describe('shown as "All lessons assigned"'),
  nextLesson: z.object(NextLesson).nullable(),
  lessons: z.array(z.object({ ...NextLesson, type: z.string(), assigned: z.boolean() })),
});
export type NextSteps = z.infer<typeof NextStepsSchema>;
