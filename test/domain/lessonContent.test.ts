// Lesson content: the document schema (what is refused and where) and grading every exercise type with awkward
// input.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  LessonDocument,
  MAX_EXERCISES,
  parseLessonDocument,
  matchingRights,
  type Exercise,
} from '../../domain/lessonContent/document.js';
import { studentView } from '../../domain/lessonContent/studentView.js';
import { answerKey, grade, normalizeText } from '../../domain/lessonContent/grading.js';
import { ValidationError } from '../../domain/shared/errors.js';

const ex = <T extends Exercise['type']>(e: { type: T } & Record<string, unknown>) =>
  LessonDocument.parse({ schemaVersion: 1, blocks: [e] }).blocks[0] as Extract<Exercise, { type: T }>;

const single = ex({
  type: 'multipleChoice',
  id: 'mc1',
  question: 'Pick one',
  options: [
    { id: 'a', text: 'went', correct: true },
    { id: 'b', text: 'goed', correct: false },
  ],
});
const several = ex({
  type: 'multipleChoice',
  id: 'mc2',
  points: 4,
  multiple: true,
  question: 'Pick the irregular verbs',
  options: [
    { id: 'a', text: 'go', correct: true },
    { id: 'b', text: 'see', correct: true },
    { id: 'c', text: 'walk', correct: false },
    { id: 'd', text: 'take', correct: true },
    { id: 'e', text: 'play', correct: false },
  ],
});
const gaps = ex({
  type: 'gapFill',
  id: 'g1',
  points: 4,
  sentences: [
    {
      text: 'She {{}} to work and {{}} home at six.',
      gaps: [{ accepted: ['goes'] }, { accepted: ['comes', 'gets'] }],
    },
    { text: 'I {{}} like coffee.', gaps: [{ accepted: ["don't", 'do not'] }] },
    { text: 'Hello {{}}.', gaps: [{ accepted: ['London'] }] },
  ],
});
const matching = ex({
  type: 'matching',
  id: 'm1',
  pairs: [
    { id: 'p1', left: 'cat', right: 'Katze' },
    { id: 'p2', left: 'dog', right: 'Hund' },
    { id: 'p3', left: 'bird', right: 'Vogel' },
    { id: 'p4', left: 'fish', right: 'Fisch' },
  ],
});
const order = ex({
  type: 'wordOrder',
  id: 'w1',
  words: ['Yesterday', 'I', 'went', 'home'],
  alternatives: [['I', 'went', 'home', 'Yesterday']],
});
const tf = ex({ type: 'trueFalse', id: 't1', statement: 'London is in France', answer: false });
const essay = ex({ type: 'essay', id: 'e1', points: 10, prompt: 'Describe your town', maxWords: 5 });

const rightOf = (pairId: string) => matchingRights(matching).find((r) => r.pairId === pairId)!.id;

const grading = suite('grading');

grading('single choice: the correct option earns the points, another none; two options are refused', () => {
  assert.equal(grade(single, { type: 'multipleChoice', selected: ['a'] }), {
    points: 1,
    maxPoints: 1,
    correct: true,
  });
  assert.equal(grade(single, { type: 'multipleChoice', selected: ['b'] }).points, 0);
  assert.equal(grade(single, { type: 'multipleChoice', selected: [] }).points, 0);
  assert.throws(
    () => grade(single, { type: 'multipleChoice', selected: ['a', 'b'] }),
    (e: unknown) => e instanceof ValidationError,
  );
  assert.throws(
    () => grade(single, { type: 'multipleChoice', selected: ['zz'] }),
    (e: ValidationError) => e.fields[0]!.path.endsWith('answer.selected'),
  );
});

grading('several correct: partial credit, a wrong choice takes a share back, never below zero', () => {
  const g = (selected: string[]) => grade(several, { type: 'multipleChoice', selected });
  assert.equal(g(['a', 'b', 'd']), { points: 4, maxPoints: 4, correct: true });
  assert.equal(g(['a', 'b']).points, 2.67);
  assert.is(g(['a', 'b']).correct, false);
  assert.equal(g(['a', 'c']).points, 0);
  assert.equal(g(['a', 'b', 'd', 'c']).points, 2.67);
  assert.equal(g(['c', 'e']).points, 0);
  assert.equal(g(['a', 'a']).points, 1.33, 'a repeated option counts once');
});

grading('gap fill: case, spaces, curly quotes and accepted alternatives; a share per gap', () => {
  const g = (values: string[]) => grade(gaps, { type: 'gapFill', gaps: values });
  assert.equal(g(['goes', 'comes', "don't", 'London']).points, 4);
  assert.equal(g(['  GOES ', 'gets', 'don’t', 'london']).points, 4, 'case, spaces, curly apostrophe');
  assert.equal(g(['goes', 'gets', 'do   not', 'London']).correct, true);
  assert.equal(g(['go', 'comes', "don't", 'Paris']).points, 2);
  assert.equal(g(['', '', '', '']).points, 0);
  assert.throws(
    () => g(['goes']),
    (e: ValidationError) => e.fields[0]!.path === 'answer.gaps',
  );
});

grading('gap fill with caseSensitive and strict whitespace takes the answer as typed', () => {
  const strict = ex({
    type: 'gapFill',
    id: 'g2',
    caseSensitive: true,
    whitespace: 'strict',
    sentences: [{ text: 'Hello {{}}.', gaps: [{ accepted: ['London'] }] }],
  });
  assert.is(grade(strict, { type: 'gapFill', gaps: ['London'] }).correct, true);
  assert.is(grade(strict, { type: 'gapFill', gaps: ['london'] }).correct, false);
  assert.is(grade(strict, { type: 'gapFill', gaps: [' London'] }).correct, false);
  assert.is(normalizeText('  A\u00a0 b  ', { caseSensitive: false, whitespace: 'normalize' }), 'a b');
});

grading(
  'matching: a share per right pair; unknown items are refused; the student view does not give pairs away',
  () => {
    const all = { p1: rightOf('p1'), p2: rightOf('p2'), p3: rightOf('p3'), p4: rightOf('p4') };
    assert.equal(grade(matching, { type: 'matching', matches: all }).points, 1);
    assert.equal(
      grade(matching, { type: 'matching', matches: { ...all, p1: all.p2, p2: all.p1 } }).points,
      0.5,
    );
    assert.equal(grade(matching, { type: 'matching', matches: {} }).points, 0);
    assert.throws(
      () => grade(matching, { type: 'matching', matches: { p9: 'r1' } }),
      (e: unknown) => e instanceof ValidationError,
    );
    assert.throws(
      () => grade(matching, { type: 'matching', matches: { p1: 'r99' } }),
      (e: unknown) => e instanceof ValidationError,
    );
    const view = JSON.stringify(studentView(LessonDocument.parse({ schemaVersion: 1, blocks: [matching] })));
    assert.not.ok(view.includes('p1","text":"Katze'));
    assert.not.ok(view.includes('pairId'));
  },
);

grading('word order: the order or an accepted alternative, case and spaces forgiven', () => {
  const g = (words: string[]) => grade(order, { type: 'wordOrder', words });
  assert.is(g(['Yesterday', 'I', 'went', 'home']).correct, true);
  assert.is(g(['yesterday ', 'i', 'went', 'HOME']).correct, true);
  assert.is(g(['I', 'went', 'home', 'yesterday']).correct, true);
  assert.is(g(['I', 'home', 'went', 'yesterday']).points, 0);
  assert.is(g([]).points, 0);
});

grading('true/false, and an answer of the wrong type names the field', () => {
  assert.is(grade(tf, { type: 'trueFalse', value: false }).correct, true);
  assert.is(grade(tf, { type: 'trueFalse', value: true }).points, 0);
  assert.throws(
    () => grade(tf, { type: 'essay', text: 'no' }),
    (e: ValidationError) => e.fields[0]!.path === 'answer.type',
  );
});

grading('essay: counted, left to the teacher; empty or over maxWords is refused', () => {
  assert.equal(grade(essay, { type: 'essay', text: ' My town is  small. ' }), {
    points: null,
    maxPoints: 10,
    correct: null,
    wordCount: 4,
  });
  assert.throws(
    () => grade(essay, { type: 'essay', text: '   ' }),
    (e: unknown) => e instanceof ValidationError,
  );
  assert.throws(
    () => grade(essay, { type: 'essay', text: 'one two three four five six' }),
    (e: unknown) => e instanceof ValidationError,
  );
});

grading('the answer key grades as full points for every closed type', () => {
  for (const e of [single, several, gaps, matching, order, tf]) {
    const key = answerKey(e)!;
    assert.is(grade(e, key).correct, true, e.id);
  }
  assert.is(answerKey(essay), null);
});

const documents = suite('lesson documents');

const fieldsOf = (input: unknown) => {
  try {
    parseLessonDocument(input, 'body');
  } catch (error) {
    assert.instance(error, ValidationError);
    return (error as ValidationError).fields.map((f) => f.path);
  }
  return [];
};

documents('a good document parses with its defaults (pass mark 60, points 1)', () => {
  const doc = parseLessonDocument({
    schemaVersion: 1,
    blocks: [
      { type: 'text', text: '# Past simple' },
      {
        type: 'vocabulary',
        items: [{ term: 'go', translation: 'gehen', partOfSpeech: 'verb', example: 'I go.' }],
      },
      { type: 'trueFalse', id: 't1', statement: 'x', answer: true },
    ],
  });
  assert.is(doc.passMark, 60);
  assert.is((doc.blocks[2] as Exercise).points, 1);
});

documents('unknown block types, missing correct answers and bad gaps are refused, naming the field', () => {
  assert.equal(fieldsOf({ schemaVersion: 1, blocks: [{ type: 'crossword', id: 'x' }] }), [
    'body.blocks.0.type',
  ]);
  assert.equal(
    fieldsOf({
      schemaVersion: 1,
      blocks: [
        { type: 'text', text: 'x' },
        {
          type: 'multipleChoice',
          id: 'q',
          question: 'q',
          options: [
            { id: 'a', text: 'a', correct: false },
            { id: 'b', text: 'b', correct: false },
          ],
        },
      ],
    }),
    ['body.blocks.1.options'],
  );
  assert.equal(
    fieldsOf({
      schemaVersion: 1,
      blocks: [
        { type: 'gapFill', id: 'g', sentences: [{ text: 'no gap here', gaps: [{ accepted: ['x'] }] }] },
      ],
    }),
    ['body.blocks.0.sentences.0.gaps'],
  );
  assert.equal(
    fieldsOf({
      schemaVersion: 1,
      blocks: [{ type: 'gapFill', id: 'g', sentences: [{ text: '{{}}', gaps: [{ accepted: [] }] }] }],
    }),
    ['body.blocks.0.sentences.0.gaps.0.accepted'],
  );
  assert.equal(fieldsOf({ schemaVersion: 2, blocks: [] }), ['body.schemaVersion']);
  assert.equal(fieldsOf({ schemaVersion: 1, blocks: [], extra: 1 }).length, 1);
  const twice = { type: 'trueFalse', id: 'same', statement: 's', answer: true };
  assert.equal(fieldsOf({ schemaVersion: 1, blocks: [twice, twice] }), ['body.blocks.1.id']);
  assert.equal(
    fieldsOf({
      schemaVersion: 1,
      blocks: [{ type: 'wordOrder', id: 'w', words: ['a', 'b'], alternatives: [['a', 'c']] }],
    }),
    ['body.blocks.0.alternatives.0'],
  );
});

documents('limits: 200 exercises and 1 MiB', () => {
  const tfs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ type: 'trueFalse', id: `t${i}`, statement: 's', answer: true }));
  assert.equal(fieldsOf({ schemaVersion: 1, blocks: tfs(MAX_EXERCISES) }), []);
  assert.equal(fieldsOf({ schemaVersion: 1, blocks: tfs(MAX_EXERCISES + 1) }), ['body.blocks']);
  const big = Array.from({ length: 6 }, () => ({ type: 'text', text: 'x'.repeat(190_000) }));
  assert.equal(fieldsOf({ schemaVersion: 1, blocks: big }), ['body']);
});

documents('the student view has no correct answers', () => {
  const doc = LessonDocument.parse({
    schemaVersion: 1,
    blocks: [single, several, gaps, matching, order, tf, essay],
  });
  const view = JSON.stringify(studentView(doc));
  assert.not.ok(view.includes('"correct"'));
  assert.not.ok(view.includes('accepted'));
  assert.not.ok(view.includes('"answer"'));
  assert.not.ok(view.includes('alternatives'));
  assert.not.ok(view.includes('Yesterday","I","went","home'));
});

grading.run();
documents.run();
