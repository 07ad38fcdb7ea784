// Lesson content and answers as the API returns them: the content of a lesson (the whole document for teachers,
// the student view for students), the answers in a live session or a homework item, a submitted answer.
// The lesson content routes (api/routes/lessonContent.ts, lessonAnswers.ts, homeworkHandIn.ts) declare their
// responses with these schemas, so the web client (import type) cannot drift from the server.
import { z } from 'zod';
import type {
  Block,
  Essay,
  Exercise,
  ExerciseType,
  GapFill,
  LessonDocument,
  Matching,
  MultipleChoice,
  PartOfSpeech,
  TextBlock,
  TrueFalse,
  VocabularyBlock,
  WordOrder,
} from '../domain/lessonContent/document.js';
import type { Answer } from '../domain/lessonContent/grading.js';

export type { Answer, Block, Exercise, ExerciseType, LessonDocument };
export type TextBlockT = z.infer<typeof TextBlock>;
export type VocabularyBlockT = z.infer<typeof VocabularyBlock>;
export type MultipleChoiceT = z.infer<typeof MultipleChoice>;
export type GapFillT = z.infer<typeof GapFill>;
export type MatchingT = z.infer<typeof Matching>;
export type WordOrderT = z.infer<typeof WordOrder>;
export type TrueFalseT = z.infer<typeof TrueFalse>;
export type EssayT = z.infer<typeof Essay>;
export type PartOfSpeechT = z.infer<typeof PartOfSpeech>;
type ExerciseBase = { id: string; instructions: string; points: number };
type Item = { id: string; text: string };
/** An exercise as a student sees it before the answers are revealed (domain/lessonContent studentExercise). */
export type StudentExercise =
  | (ExerciseBase & { type: 'multipleChoice'; question: string; multiple: boolean; options: Item[] })
  | (ExerciseBase & { type: 'gapFill'; sentences: { text: string; gaps: number }[] })
  | (ExerciseBase & { type: 'matching'; left: Item[]; right: Item[] })
  | (ExerciseBase & { type: 'wordOrder'; words: string[] })
  | (ExerciseBase & { type: 'trueFalse'; statement: string })
  | (ExerciseBase & { type: 'essay'; prompt: string; minWords?: number; maxWords?: number });
/** The document as a student sees it (domain/lessonContent studentView). */
export type StudentView = {
  schemaVersion: number;
  title?: string;
  passMark: number;
  blocks: (TextBlockT | VocabularyBlockT | StudentExercise)[];
};

export const LessonDocumentOut = z
  .object({
    schemaVersion: z.number(),
    passMark: z.number(),
    blocks: z.array(z.record(z.string(), z.unknown())),
  })
  .passthrough();

export const LessonContentSchema = z.object({
  lessonId: z.string(),
  revision: z.number().describe('0 while the lesson has no content'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  view: z.enum(['full', 'student']).describe('student: no correct answers'),
  revealed: z.boolean(),
  document: LessonDocumentOut,
});
/** The content as the web reads it: `document` is a LessonDocument (view full) or a StudentView (view student). */
export type LessonContent = Omit<z.infer<typeof LessonContentSchema>, 'document'> & {
  document: LessonDocument | StudentView;
};

export const AnswerSchema = z.object({
  exerciseId: z.string(),
  exerciseType: z.string(),
  revision: z.number(),
  attempt: z.number(),
  answer: z.unknown(),
  points: z.number().nullable(),
  maxPoints: z.number(),
  correct: z.boolean().nullable(),
  wordCount: z.number().nullable(),
  comment: z.string().nullable(),
  status: z.enum(['graded', 'awaiting_teacher']),
  answeredAt: z.string(),
});
export type GivenAnswer = Omit<z.infer<typeof AnswerSchema>, 'answer'> & { answer: Answer };

export const AttemptSchema = z.object({
  attempt: z.number(),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  passMark: z.number(),
  outcome: z.string(),
  submittedAt: z.string(),
});
export type AnswerAttempt = z.infer<typeof AttemptSchema>;

/** A student's score in a lesson: the last attempt handed in, else the answers given so far. */
export const LessonScoreSchema = z.object({
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  answered: z.number(),
  exercises: z.number(),
  /** Of the last attempt handed in (homework): passed, try_again, awaiting_grading; null for answers so far. */
  outcome: z.string().nullable(),
  /** Where: the homework item or the live session (or instant lesson) the answers were given in. */
  place: z.enum(['live', 'homework', 'instant']),
  placeId: z.string(),
  at: z.string().describe('when the attempt was handed in or the last answer given'),
});
export type LessonScore = z.infer<typeof LessonScoreSchema>;

export const StudentAnswersSchema = z.object({
  studentId: z.string(),
  answered: z.number(),
  correct: z.number(),
  score: z.number(),
  maxScore: z.number(),
  exercises: z.number(),
  answers: z.array(AnswerSchema),
  attempts: z.array(AttemptSchema),
});
export type StudentAnswers = Omit<z.infer<typeof StudentAnswersSchema>, 'answers'> & {
  answers: GivenAnswer[];
};

export const LessonAnswersSchema = z.object({
  lessonId: z.string(),
  revision: z.number(),
  revealed: z.boolean(),
  /** The correct answers, once revealed (or always for the teacher). */
  key: z.record(z.string(), z.unknown()).nullable(),
  students: z.array(StudentAnswersSchema),
});
export type LessonAnswers = Omit<z.infer<typeof LessonAnswersSchema>, 'key' | 'students'> & {
  key: Record<string, Answer | null> | null;
  students: StudentAnswers[];
};

export const SubmittedAnswerSchema = z.object({
  exerciseId: z.string(),
  points: z.number().nullable(),
  maxPoints: z.number(),
  correct: z.boolean().nullable(),
  status: z.enum(['graded', 'awaiting_teacher']),
  revision: z.number(),
});
export type SubmittedAnswer = z.infer<typeof SubmittedAnswerSchema>;

/** POST .../lessons/:lessonId/duplicate: the new lesson, at the end of the course, with the copied revision. */
export const DuplicatedLessonSchema = z.object({
  courseId: z.string(),
  lessonId: z.string(),
  title: z.string(),
  kind: z.string(),
  /** The copy's content revision (1), or 0 when the source had no content. */
  revision: z.number(),
});
export type DuplicatedLesson = z.infer<typeof DuplicatedLessonSchema>;
