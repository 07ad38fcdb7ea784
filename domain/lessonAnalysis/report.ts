// The report of a lesson analysis: six sections. Every figure comes from the built-in engine (counted from the
// answer events, the scores and the course sequence); the prose comes from templates or from a language model,
// and `engine` says which, and why the model's prose was not used when it was not.
import { z } from 'zod';

export const ExerciseTypeName = z.enum([
  'multipleChoice',
  'gapFill',
  'matching',
  'wordOrder',
  'trueFalse',
  'essay',
]);
export const Skill = z.enum([
  'comprehension',
  'grammar',
  'vocabulary',
  'sentenceStructure',
  'reading',
  'writing',
]);
export type Skill = z.infer<typeof Skill>;

export const LessonFigures = z.object({
  courseLessonId: z.string(),
  homeworkId: z.string(),
  title: z.string(),
  position: z.number().int(),
  status: z.enum(['passed', 'verified']),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  passMark: z.number(),
  attempts: z.number().int(),
  answered: z.number().int(),
  exercises: z.number().int(),
});

export const TypeFigures = z.object({
  type: ExerciseTypeName,
  skill: Skill,
  answered: z.number().int(),
  correct: z.number().int(),
  incorrect: z.number().int(),
  /** Essays not graded yet. */
  pending: z.number().int(),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number().nullable(),
});

/** One wrong answer, located: which gap, which distractor, which pair, which order, which statement. */
export const ErrorItem = z.object({
  courseLessonId: z.string(),
  exerciseId: z.string(),
  type: ExerciseTypeName,
  /** The gap (1-based across the exercise), the option id, the left item id; null for a whole answer. */
  item: z.string().nullable(),
  prompt: z.string(),
  expected: z.string(),
  given: z.string(),
});

export const Distractor = z.object({
  courseLessonId: z.string(),
  exerciseId: z.string(),
  optionId: z.string(),
  text: z.string(),
  question: z.string(),
  times: z.number().int(),
});

export const SkillNote = z.object({
  skill: Skill,
  type: ExerciseTypeName,
  percent: z.number(),
  text: z.string(),
});

export const EssayRating = z.enum(['excellent', 'good', 'fair', 'weak', 'ungraded']);
export const EssayNote = z.object({
  courseLessonId: z.string(),
  exerciseId: z.string(),
  prompt: z.string(),
  wordCount: z.number().int(),
  minWords: z.number().int().nullable(),
  maxWords: z.number().int().nullable(),
  points: z.number().nullable(),
  maxPoints: z.number(),
  rating: EssayRating,
  teacherComment: z.string().nullable(),
  detail: z.string(),
});

export const Recommendation = z.object({
  courseLessonId: z.string(),
  title: z.string(),
  position: z.number().int(),
  kind: z.enum(['next', 'review']),
  focusSkills: z.array(Skill),
  rationale: z.string(),
});

export const SuggestedExercise = z.object({
  type: ExerciseTypeName,
  skill: Skill,
  count: z.number().int(),
  description: z.string(),
  /** Items to practise again, from the wrong answers. */
  items: z.array(z.string()),
});

/**
 * Why the model's prose was not used: a stable code the interface words in each person's language, with the
 * values its sentence needs (`fallback` beside it keeps the English for API clients).
 */
export const ModelFallbackCode = z.enum([
  'http_error',
  'no_answer',
  'unreachable',
  'no_message',
  'invalid_json',
  'wrong_shape',
  'other',
]);
export type ModelFallbackCode = z.infer<typeof ModelFallbackCode>;
export const ModelFallback = z.object({
  code: ModelFallbackCode,
  /** http_error: the HTTP status the endpoint answered. */
  status: z.number().int().nullable(),
  /** no_answer: how long the model was given. */
  timeoutMs: z.number().int().nullable(),
  /** unreachable, wrong_shape, other: the technical cause as the endpoint or the check put it. */
  detail: z.string().nullable(),
});
export type ModelFallback = z.infer<typeof ModelFallback>;

/** The English `fallback` recorded beside a code (the note API clients have always read). */
export function modelFallbackText(f: ModelFallback): string {
  switch (f.code) {
    case 'http_error':
      return `the model endpoint answered HTTP ${f.status}`;
    case 'no_answer':
      return `the model gave no answer within ${f.timeoutMs} ms`;
    case 'unreachable':
      return `the model endpoint failed: ${f.detail}`;
    case 'no_message':
      return 'the model answered without a message';
    case 'invalid_json':
      return 'the model answered with invalid JSON';
    case 'wrong_shape':
      return `the model's answer does not fit the report: ${f.detail}`;
    case 'other':
      return f.detail ?? '';
  }
}

/** The fallback a note recorded before codes were names (its texts were fixed), or null. */
export function modelFallbackOf(text: string): ModelFallback | null {
  const none = { status: null, timeoutMs: null, detail: null };
  const http = /^the model endpoint answered HTTP (\d+)$/.exec(text);
  if (http) return { ...none, code: 'http_error', status: Number(http[1]) };
  const silent = /^the model gave no answer within (\d+) ms$/.exec(text);
  if (silent) return { ...none, code: 'no_answer', timeoutMs: Number(silent[1]) };
  const failed = /^the model endpoint failed: (.*)$/s.exec(text);
  if (failed) return { ...none, code: 'unreachable', detail: failed[1]! };
  if (text === 'the model answered without a message') return { ...none, code: 'no_message' };
  if (text === 'the model answered with invalid JSON') return { ...none, code: 'invalid_json' };
  const shape = /^the model's answer does not fit the report: (.*)$/s.exec(text);
  if (shape) return { ...none, code: 'wrong_shape', detail: shape[1]! };
  return null;
}

export const Report = z.object({
  language: z.enum(['en', 'de']),
  engine: z.object({
    prose: z.enum(['builtin', 'ai']),
    model: z.string().nullable(),
    /** Why the model's prose was not used, when a model was asked (English). */
    fallback: z.string().nullable(),
    /** The same as a code with its values; absent on reports made before codes were (see `modelFallbackOf`). */
    fallbackReason: ModelFallback.nullable().optional(),
  }),
  performanceSummary: z.object({
    lessons: z.array(LessonFigures),
    score: z.number(),
    maxScore: z.number(),
    percent: z.number(),
    attempts: z.number().int(),
    text: z.string(),
  }),
  exerciseBreakdown: z.object({
    byType: z.array(TypeFigures),
    errorPatterns: z.object({
      gaps: z.array(ErrorItem),
      distractors: z.array(Distractor),
      other: z.array(ErrorItem),
    }),
    text: z.string(),
  }),
  strengthsAndWeaknesses: z.object({ strengths: z.array(SkillNote), weaknesses: z.array(SkillNote) }),
  /** null when the lessons had no essays. */
  essayFeedback: z.object({ essays: z.array(EssayNote), text: z.string() }).nullable(),
  recommendations: z.array(Recommendation),
  learningPlan: z.object({
    focusAreas: z.array(z.object({ skill: Skill, percent: z.number().nullable(), reason: z.string() })),
    suggestedExercises: z.array(SuggestedExercise),
    text: z.string(),
  }),
});
export type Report = z.infer<typeof Report>;

/** What a language model may write: prose only, keyed to what the figures name. */
export const Prose = z.object({
  performanceSummary: z.string().min(1).max(4000),
  exerciseBreakdown: z.string().min(1).max(4000),
  strengths: z.array(z.object({ skill: Skill, text: z.string().min(1).max(1000) })).max(6),
  weaknesses: z.array(z.object({ skill: Skill, text: z.string().min(1).max(1000) })).max(6),
  essays: z.array(z.object({ exerciseId: z.string(), detail: z.string().min(1).max(2000) })).max(100),
  essayFeedback: z.string().max(4000).nullable(),
  recommendations: z
    .array(z.object({ courseLessonId: z.string(), rationale: z.string().min(1).max(1000) }))
    .max(20),
  focusAreas: z.array(z.object({ skill: Skill, reason: z.string().min(1).max(1000) })).max(6),
  suggestedExercises: z.array(z.object({ skill: Skill, description: z.string().min(1).max(1000) })).max(6),
  learningPlan: z.string().min(1).max(4000),
});
export type Prose = z.infer<typeof Prose>;
export type ExerciseTypeName = z.infer<typeof ExerciseTypeName>;
export type LessonFigures = z.infer<typeof LessonFigures>;
export type TypeFigures = z.infer<typeof TypeFigures>;
export type ErrorItem = z.infer<typeof ErrorItem>;
export type Distractor = z.infer<typeof Distractor>;
export type EssayNote = z.infer<typeof EssayNote>;
export type Recommendation = z.infer<typeof Recommendation>;
export type SuggestedExercise = z.infer<typeof SuggestedExercise>;
