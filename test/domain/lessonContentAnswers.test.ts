// Lesson content revisions and answers as specifications: graded at once, repeated submissions, answers after
// the session ended, answers to an exercise a later revision removed, essays and homework attempts.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { exercisesOf } from '../../domain/lessonContent/document.js';
import {
  lessonContentDecider,
  revisionFor,
  exerciseIn,
  type LessonContentEvent,
  type LessonContentState,
} from '../../domain/lessonContent/content.js';
import { lessonAnswersDecider } from '../../domain/lessonContent/answers.js';
import { RuleViolation, ValidationError } from '../../domain/shared/errors.js';
import * as assert from 'uvu/assert';
import {
  now,
  later,
  lessonId,
  live,
  homework,
  ref,
  v1,
  v2,
  revised,
  tf,
  gap,
  essay,
  submit,
  answered,
} from './lessonContentFixtures.js';

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
          closed: new RuleViolation('session_ended', 'the live session has ended'),
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

content.run();
answers.run();
