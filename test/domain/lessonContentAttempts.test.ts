// Homework attempts as specifications: handing in scores the attempt against the pass mark; below it the student
// tries again with the attempt kept.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { exercisesOf, type Exercise } from '../../domain/lessonContent/document.js';
import {
  lessonAnswersDecider,
  type LessonAnswersEvent,
  type LessonAnswersCommand,
} from '../../domain/lessonContent/answers.js';
import { RuleViolation } from '../../domain/shared/errors.js';
import { now, later, homework, ref, v2, tf, essay, submit, answered } from './lessonContentFixtures.js';

const given = spec(lessonAnswersDecider).given;
const attempts = suite('homework attempts');
const hw = { ...ref, context: homework };
const hwAnswer = (exercise: Exercise, answer: unknown, points: number | null, attempt = 1) =>
  ({
    ...answered('AnswerSubmitted', exercise, answer, points),
    data: { ...answered('AnswerSubmitted', exercise, answer, points).data, context: homework, attempt },
  }) as LessonAnswersEvent;
const handIn = {
  type: 'SubmitAttempt' as const,
  ...hw,
  now: later,
  exercises: exercisesOf(v2),
  passMark: 60,
};

attempts('handing in with a score at the pass mark passes; below it, try again with the attempt kept', () => {
  const essayText = { type: 'essay', text: 'x y' };
  const right = hwAnswer(tf, { type: 'trueFalse', value: false }, 2);
  // v2: tf (2) + essay (6); the essay answered and graded 3/6: 5/8 = 62.5 % -> passed.
  const withEssay = hwAnswer(essay, essayText, null);
  const graded: LessonAnswersEvent = {
    type: 'EssayGraded',
    data: {
      ...hw,
      attempt: 1,
      exerciseId: 'essay',
      points: 3,
      maxPoints: 6,
      comment: null,
      by: 't',
      at: now,
    },
  };
  given([right, withEssay, graded])
    .when(handIn)
    .then([
      {
        type: 'AnswerAttemptSubmitted',
        data: {
          ...hw,
          attempt: 1,
          score: 5,
          maxScore: 8,
          percent: 62.5,
          passMark: 60,
          outcome: 'passed',
          at: later,
        },
      },
    ]);
  given([right])
    .when(handIn)
    .then([
      {
        type: 'AnswerAttemptSubmitted',
        data: {
          ...hw,
          attempt: 1,
          score: 2,
          maxScore: 8,
          percent: 25,
          passMark: 60,
          outcome: 'try_again',
          at: later,
        },
      },
    ]);
  given([]).when(handIn).thenThrows(RuleViolation, 'nothing_answered');
});

attempts(
  'after trying again the answers start afresh as attempt 2; a passed homework takes no more answers',
  () => {
    const tried: LessonAnswersEvent = {
      type: 'AnswerAttemptSubmitted',
      data: {
        ...hw,
        attempt: 1,
        score: 0,
        maxScore: 8,
        percent: 0,
        passMark: 60,
        outcome: 'try_again',
        at: now,
      },
    };
    const first = hwAnswer(tf, { type: 'trueFalse', value: true }, 0);
    spec(lessonAnswersDecider)
      .given([first, tried])
      .when({ ...submit(tf, { type: 'trueFalse', value: true }), context: homework } as LessonAnswersCommand)
      .then([hwAnswer(tf, { type: 'trueFalse', value: true }, 0, 2)]);
    const passed: LessonAnswersEvent = {
      type: 'AnswerAttemptSubmitted',
      data: {
        ...hw,
        attempt: 1,
        score: 8,
        maxScore: 8,
        percent: 100,
        passMark: 60,
        outcome: 'passed',
        at: now,
      },
    };
    given([first, passed])
      .when({ ...submit(tf, { type: 'trueFalse', value: false }), context: homework } as LessonAnswersCommand)
      .thenThrows(RuleViolation, 'already_passed');
  },
);

attempts('an attempt with an ungraded essay waits; grading the last essay evaluates it', () => {
  const right = hwAnswer(tf, { type: 'trueFalse', value: false }, 2);
  const withEssay = hwAnswer(essay, { type: 'essay', text: 'x y' }, null);
  const waiting: LessonAnswersEvent = {
    type: 'AnswerAttemptSubmitted',
    data: {
      ...hw,
      attempt: 1,
      score: 2,
      maxScore: 8,
      percent: 25,
      passMark: 60,
      outcome: 'awaiting_grading',
      at: later,
    },
  };
  given([right, withEssay]).when(handIn).then([waiting]);
  given([right, withEssay, waiting])
    .when({ ...submit(tf, { type: 'trueFalse', value: true }), context: homework } as LessonAnswersCommand)
    .thenThrows(RuleViolation, 'awaiting_grading');
  given([right, withEssay, waiting])
    .when({
      type: 'GradeEssay',
      ...hw,
      now: later,
      exerciseId: 'essay',
      points: 6,
      comment: 'Great',
      by: 't',
      exercises: exercisesOf(v2),
      passMark: 60,
    })
    .then([
      {
        type: 'EssayGraded',
        data: {
          ...hw,
          attempt: 1,
          exerciseId: 'essay',
          points: 6,
          maxPoints: 6,
          comment: 'Great',
          by: 't',
          at: later,
        },
      },
      {
        type: 'AnswerAttemptGraded',
        data: {
          ...hw,
          attempt: 1,
          score: 8,
          maxScore: 8,
          percent: 100,
          passMark: 60,
          outcome: 'passed',
          at: later,
        },
      },
    ]);
});

attempts.run();
