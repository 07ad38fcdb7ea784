// The lessonAnswers aggregate: one stream per (context, student), where the context is a live session or a
// homework item. Every answer is an event, graded here at once for closed exercises; essays wait for the
// teacher. Homework answers are handed in as attempts: passed when the score meets the lesson's pass mark,
// otherwise the student tries again (attempts are kept).
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { RuleViolation, ValidationError } from '../shared/errors.js';
import type { Exercise } from './document.js';
import { Answer, grade, type Grade } from './grading.js';
import { AnswerContext } from './content.js';

export const answersStreamId = (context: AnswerContext, studentId: string) =>
  `${context.kind}.${context.id}.${studentId}`;

const ref = { context: AnswerContext, studentId: z.string(), lessonId: z.string() };
const answerData = z.object({
  ...ref,
  revision: z.number().int(),
  attempt: z.number().int(),
  exerciseId: z.string(),
  exerciseType: z.string(),
  answer: Answer,
  points: z.number().nullable(),
  maxPoints: z.number(),
  correct: z.boolean().nullable(),
  wordCount: z.number().int().nullable(),
  at: z.string(),
});
export const AttemptOutcome = z.enum(['passed', 'try_again', 'awaiting_grading']);
const attemptData = z.object({
  ...ref,
  attempt: z.number().int(),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  passMark: z.number(),
  outcome: AttemptOutcome,
  at: z.string(),
});

export const LessonAnswersEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('AnswerSubmitted'), data: answerData }),
  z.object({ type: z.literal('AnswerChanged'), data: answerData }),
  z.object({
    type: z.literal('EssayGraded'),
    data: z.object({
      ...ref,
      attempt: z.number().int(),
      exerciseId: z.string(),
      points: z.number(),
      maxPoints: z.number(),
      comment: z.string().nullable(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  }),
  /** Homework: the student hands in the attempt. */
  z.object({ type: z.literal('AnswerAttemptSubmitted'), data: attemptData }),
  /** Homework: the teacher graded the last essay of an attempt that was waiting for it. */
  z.object({ type: z.literal('AnswerAttemptGraded'), data: attemptData }),
]);
export type LessonAnswersEvent = z.infer<typeof LessonAnswersEvent>;

type Ref = { context: AnswerContext; studentId: string; lessonId: string; now: string };
export type LessonAnswersCommand =
  | (Ref & {
      type: 'SubmitAnswer';
      exerciseId: string;
      /** The exercise in the revision the context is taught with; undefined when that revision has none. */
      exercise: Exercise | undefined;
      revision: number;
      answer: Answer;
      /** Why answers are no longer taken (the session ended), if so. */
      closed: RuleViolation | null;
      revealed: boolean;
    })
  | (Ref & {
      type: 'GradeEssay';
      exerciseId: string;
      points: number;
      comment: string | null;
      by: string | null;
      exercises: Exercise[];
      passMark: number;
    })
  | (Ref & { type: 'SubmitAttempt'; exercises: Exercise[]; passMark: number });

export type GivenAnswer = {
  exerciseId: string;
  answer: Answer;
  grade: Grade;
  revision: number;
  comment: string | null;
};
export type Attempt = z.infer<typeof attemptData>;

export type LessonAnswersState = {
  attempt: number;
  answers: Record<string, GivenAnswer>;
  attempts: Attempt[];
  /** The current attempt was handed in: 'awaiting_grading' or 'passed' lock it. */
  handedIn: 'awaiting_grading' | 'passed' | null;
};

const round = (n: number) => Math.round(n * 100) / 100;

function scoreOf(answers: Record<string, GivenAnswer>, exercises: Exercise[]) {
  const maxScore = exercises.reduce((s, e) => s + e.points, 0);
  const score = round(exercises.reduce((s, e) => s + (answers[e.id]?.grade.points ?? 0), 0));
  const percent = maxScore === 0 ? 100 : round((score / maxScore) * 100);
  const pending = exercises.filter(
    (e) => e.type === 'essay' && answers[e.id] && answers[e.id]!.grade.points === null,
  );
  return { score, maxScore, percent, pending: pending.length };
}

const sameAnswer = (a: Answer, b: Answer) => JSON.stringify(a) === JSON.stringify(b);

export const lessonAnswersDecider: Decider<LessonAnswersCommand, LessonAnswersEvent, LessonAnswersState> = {
  initialState: () => ({ attempt: 1, answers: {}, attempts: [], handedIn: null }),
  decide(command, state) {
    const { context, studentId, lessonId, now } = command;
    const ref = { context, studentId, lessonId };
    switch (command.type) {
      case 'SubmitAnswer': {
        if (command.closed) throw command.closed;
        if (!command.exercise)
          throw new RuleViolation(
            'exercise_not_in_revision',
            'this exercise is not in the lesson revision used here',
            { exerciseId: command.exerciseId, revision: command.revision },
          );
        if (command.revealed)
          throw new RuleViolation('answers_revealed', 'the answers were revealed: no more answers are taken');
        if (state.handedIn === 'passed')
          throw new RuleViolation('already_passed', 'this homework is passed: no more answers are taken');
        if (state.handedIn === 'awaiting_grading')
          throw new RuleViolation('awaiting_grading', 'this attempt was handed in and waits for the teacher');
        const graded = grade(command.exercise, command.answer, 'body.answer');
        const previous = state.answers[command.exerciseId];
        if (previous && previous.revision === command.revision && sameAnswer(previous.answer, command.answer))
          return [];
        const data = {
          ...ref,
          revision: command.revision,
          attempt: state.attempt,
          exerciseId: command.exerciseId,
          exerciseType: command.exercise.type,
          answer: command.answer,
          points: graded.points,
          maxPoints: graded.maxPoints,
          correct: graded.correct,
          wordCount: graded.wordCount ?? null,
          at: now,
        };
        return [{ type: previous ? 'AnswerChanged' : 'AnswerSubmitted', data }];
      }
      case 'GradeEssay': {
        const given = state.answers[command.exerciseId];
        if (!given || given.answer.type !== 'essay')
          throw new RuleViolation('no_essay', 'there is no essay answer to grade for this exercise', {
            exerciseId: command.exerciseId,
          });
        const maxPoints = given.grade.maxPoints;
        if (command.points < 0 || command.points > maxPoints)
          throw new ValidationError(`points must be between 0 and ${maxPoints}`, [
            {
              path: 'body.points',
              message: `must be between 0 and ${maxPoints}`,
              code: 'between',
              minimum: 0,
              maximum: maxPoints,
            },
          ]);
        if (given.grade.points === command.points && given.comment === command.comment) return [];
        const events: LessonAnswersEvent[] = [
          {
            type: 'EssayGraded',
            data: {
              ...ref,
              attempt: state.attempt,
              exerciseId: command.exerciseId,
              points: command.points,
              maxPoints,
              comment: command.comment,
              by: command.by,
              at: now,
            },
          },
        ];
        if (state.handedIn === 'awaiting_grading') {
          const after = events.reduce(lessonAnswersDecider.evolve, state);
          const s = scoreOf(after.answers, command.exercises);
          if (s.pending === 0) {
            const outcome = s.percent >= command.passMark ? 'passed' : 'try_again';
            const { pending: _p, ...score } = s;
            events.push({
              type: 'AnswerAttemptGraded',
              data: {
                ...ref,
                attempt: state.attempt,
                ...score,
                passMark: command.passMark,
                outcome,
                at: now,
              },
            });
          }
        }
        return events;
      }
      case 'SubmitAttempt': {
        if (state.handedIn === 'passed') return [];
        if (state.handedIn === 'awaiting_grading') return [];
        if (Object.keys(state.answers).length === 0)
          throw new RuleViolation('nothing_answered', 'answer at least one exercise before handing in');
        const { pending, ...score } = scoreOf(state.answers, command.exercises);
        const outcome =
          pending > 0 ? 'awaiting_grading' : score.percent >= command.passMark ? 'passed' : 'try_again';
        return [
          {
            type: 'AnswerAttemptSubmitted',
            data: { ...ref, attempt: state.attempt, ...score, passMark: command.passMark, outcome, at: now },
          },
        ];
      }
      default: {
        const _exhaustive: never = command;
        return [];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AnswerSubmitted':
      case 'AnswerChanged': {
        const d = event.data;
        const grade: Grade = {
          points: d.points,
          maxPoints: d.maxPoints,
          correct: d.correct,
          ...(d.wordCount === null ? {} : { wordCount: d.wordCount }),
        };
        return {
          ...state,
          answers: {
            ...state.answers,
            [d.exerciseId]: {
              exerciseId: d.exerciseId,
              answer: d.answer,
              grade,
              revision: d.revision,
              comment: null,
            },
          },
        };
      }
      case 'EssayGraded': {
        const d = event.data;
        const given = state.answers[d.exerciseId];
        if (!given) return state;
        return {
          ...state,
          answers: {
            ...state.answers,
            [d.exerciseId]: {
              ...given,
              grade: { ...given.grade, points: d.points, correct: d.points === d.maxPoints },
              comment: d.comment,
            },
          },
        };
      }
      case 'AnswerAttemptSubmitted':
      case 'AnswerAttemptGraded': {
        const attempt = event.data;
        const attempts = [...state.attempts.filter((a) => a.attempt !== attempt.attempt), attempt];
        if (attempt.outcome === 'try_again')
          return { attempt: state.attempt + 1, answers: {}, attempts, handedIn: null };
        return { ...state, attempts, handedIn: attempt.outcome };
      }
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
};
