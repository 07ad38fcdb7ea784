// Lesson content revisions and answers as specifications: graded at once, repeated submissions, answers after
// the session ended, answers to an exercise a later revision removed, essays and homework attempts.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { LessonDocument, exercisesOf, type Exercise } from '../../domain/lessonContent/document.js';
import {
  lessonContentDecider,
  revisionFor,
  exerciseIn,
  type LessonContentEvent,
  type LessonContentState,
} from '../../domain/lessonContent/content.js';
import {
  lessonAnswersDecider,
  type LessonAnswersEvent,
  type LessonAnswersCommand,
} from '../../domain/lessonContent/answers.js';
import { RuleViolation, ValidationError } from '../../domain/shared/errors.js';
import * as assert from 'uvu/assert';

const now = '2026-11-27T10:00:00.000Z';
const later = '2026-11-27T10:05:00.000Z';
const lessonId = 'lesson';
const live = { kind: 'live' as const, id: 's1' };
const homework = { kind: 'homework' as const, id: 'h1' };
const ref = { context: live, studentId: 'st', lessonId };

const v1 = LessonDocument.parse({
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', points: 2, statement: 'London is in France', answer: false },
    {
      type: 'gapFill',
      id: 'gap',
      points: 2,
      sentences: [{ text: 'She {{}} home.', gaps: [{ accepted: ['went', 'walked'] }] }],
    },
    { type: 'essay', id: 'essay', points: 6, prompt: 'Your weekend' },
  ],
});
const v2 = { ...v1, blocks: v1.blocks.filter((b) => b.type !== 'gapFill') };

const revised = (
  revision: number,
  document: typeof v1,
  changes = { added: [], removed: [], changed: [] } as {
    added: string[];
    removed: string[];
    changed: string[];
  },
): LessonContentEvent => ({
  type: 'LessonContentRevised',
  data: { lessonId, courseId: 'c', orgId: 'o', revision, document, changes, by: 't', at: now },
});

const content = suite('lesson content revisions');

content('the first revision lists its exercises as added; the same document again appends nothing', () => {
  const base = { type: 'ReviseLessonContent' as const, lessonId, courseId: 'c', orgId: 'o', by: 't', now };
  spec(lessonContentDecider)
    .given([])
    .when({ ...base, document: v1 })
    .then([revised(1, v1, { added: ['tf', 'gap', 'essay'], removed: [], changed: [] })]);
  spec(lessonContentDecider)
    .given([revised(1, v1)])
    .when({ ...base, document: v1 })
    .thenNothing();
  spec(lessonContentDecider)
    .given([revised(1, v1)])
    .when({ ...base, document: v2 })
    .then([revised(2, v2, { added: [], removed: ['gap'], changed: [] })]);
});

content('a context keeps the revision it pinned; pinning twice changes nothing', () => {
  const pinned: LessonContentEvent = {
    type: 'LessonContentTaught',
    data: { lessonId, context: live, revision: 1, at: now },
  };
  spec(lessonContentDecider)
    .given([revised(1, v1)])
    .when({ type: 'PinLessonContent', lessonId, context: live, revision: 1, now })
    .then([pinned]);
  spec(lessonContentDecider)
    .given([revised(1, v1), pinned, revised(2, v2)])
    .when({ type: 'PinLessonContent', lessonId, context: live, revision: 2, now })
    .thenNothing();
  const state = [revised(1, v1), pinned, revised(2, v2)].reduce(
    lessonContentDecider.evolve,
    lessonContentDecider.initialState(),
  ) as Extract<LessonContentState, { status: 'active' }>;
  assert.is(revisionFor(state, live).revision, 1);
  assert.is(revisionFor(state, homework).revision, 2);
  spec(lessonContentDecider)
    .given([])
    .when({ type: 'PinLessonContent', lessonId, context: live, revision: 1, now })
    .thenThrows(RuleViolation, 'no_lesson_content');
});

const answers = suite('answers');
const tf = exerciseIn(v1, 'tf')!;
const gap = exerciseIn(v1, 'gap')!;
const essay = exerciseIn(v1, 'essay')!;

const submit = (
  exercise: Exercise | undefined,
  answer: Extract<LessonAnswersCommand, { type: 'SubmitAnswer' }>['answer'],
  extra = {},
) =>
  ({
    type: 'SubmitAnswer',
    ...ref,
    now,
    exerciseId: exercise?.id ?? 'gap',
    exercise,
    revision: 1,
    answer,
    closed: null,
    revealed: false,
    ...extra,
  }) as LessonAnswersCommand;

const answered = (
  type: 'AnswerSubmitted' | 'AnswerChanged',
  exercise: Exercise,
  answer: unknown,
  points: number | null,
  extra: Record<string, unknown> = {},
): LessonAnswersEvent =>
  ({
    type,
    data: {
      ...ref,
      revision: 1,
      attempt: 1,
      exerciseId: exercise.id,
      exerciseType: exercise.type,
      answer,
      points,
      maxPoints: exercise.points,
      correct: points === null ? null : points === exercise.points,
      wordCount: null,
      at: now,
      ...extra,
    },
  }) as LessonAnswersEvent;

const given = spec(lessonAnswersDecider).given;

answers('a closed exercise is graded at once by the server', () => {
  given([])
    .when(submit(tf, { type: 'trueFalse', value: false }))
    .then([answered('AnswerSubmitted', tf, { type: 'trueFalse', value: false }, 2)]);
  given([])
    .when(submit(gap, { type: 'gapFill', gaps: ['  WALKED '] }))
    .then([answered('AnswerSubmitted', gap, { type: 'gapFill', gaps: ['  WALKED '] }, 2)]);
});

answers('the same answer again appends nothing; a different one is a change, graded again', () => {
  const first = answered('AnswerSubmitted', tf, { type: 'trueFalse', value: true }, 0);
  given([first])
    .when(submit(tf, { type: 'trueFalse', value: true }))
    .thenNothing();
  given([first])
    .when(submit(tf, { type: 'trueFalse', value: false }))
    .then([answered('AnswerChanged', tf, { type: 'trueFalse', value: false }, 2)]);
});

answers('after the session ended, answers are refused (409)', () => {
  given([])
    .when(
      submit(
        tf,
        { type: 'trueFalse', value: false },
        {
          closed: { code: 'session_ended', message: 'the live session is ended' },
        },
      ),
    )
    .thenThrows(RuleViolation, 'session_ended');
});

answers('an exercise the revision of the session does not have is refused', () => {
  const inV2 = exerciseIn(v2, 'gap');
  given([])
    .when(submit(inV2, { type: 'gapFill', gaps: ['went'] }, { revision: 2 }))
    .thenThrows(RuleViolation, 'exercise_not_in_revision');
});

answers('after the answers were revealed, no more answers', () => {
  given([])
    .when(submit(tf, { type: 'trueFalse', value: false }, { revealed: true }))
    .thenThrows(RuleViolation, 'answers_revealed');
});

answers('an answer of another type is a 400 naming body.answer.type', () => {
  given([])
    .when(submit(tf, { type: 'gapFill', gaps: ['x'] }))
    .thenThrows(ValidationError);
  try {
    lessonAnswersDecider.decide(
      submit(tf, { type: 'gapFill', gaps: ['x'] }),
      lessonAnswersDecider.initialState(),
    );
  } catch (e) {
    assert.equal((e as ValidationError).fields[0]!.path, 'body.answer.type');
  }
});

answers('essays wait for the teacher, who grades them with points and a comment, within the points', () => {
  const text = 'I went to the sea';
  const submitted = answered('AnswerSubmitted', essay, { type: 'essay', text }, null, { wordCount: 5 });
  given([])
    .when(submit(essay, { type: 'essay', text }))
    .then([submitted]);
  const grade = {
    type: 'GradeEssay' as const,
    ...ref,
    now: later,
    exerciseId: 'essay',
    comment: 'Good',
    by: 't',
    exercises: exercisesOf(v1),
    passMark: 60,
  };
  given([submitted])
    .when({ ...grade, points: 5 })
    .then([
      {
        type: 'EssayGraded',
        data: {
          ...ref,
          attempt: 1,
          exerciseId: 'essay',
          points: 5,
          maxPoints: 6,
          comment: 'Good',
          by: 't',
          at: later,
        },
      },
    ]);
  given([submitted])
    .when({ ...grade, points: 7 })
    .thenThrows(ValidationError);
  given([])
    .when({ ...grade, points: 1 })
    .thenThrows(RuleViolation, 'no_essay');
});

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

content.run();
answers.run();
attempts.run();
