// A lesson's content: a document of blocks (rich text, vocabulary lists, exercises). Pure: the schema, its
// limits, and the student view (the same document with every correct answer taken out).
//
// schemaVersion 1 (the export/import format is this document as JSON):
//   { schemaVersion: 1, passMark?: 0..100 (percent, default 60), blocks: Block[] }
//   Block = text | vocabulary | multipleChoice | gapFill | matching | wordOrder | trueFalse | essay
//   Every exercise has { id, instructions, points }. See the schemas below for each type's fields.
import { z } from 'zod';
import { ValidationError } from '../shared/errors.js';

export const SCHEMA_VERSION = 1;
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const MAX_EXERCISES = 200;
export const DEFAULT_PASS_MARK = 60;

const text = (max: number) => z.string().max(max);
const ExerciseId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
const OptionId = ExerciseId;

const exerciseBase = {
  id: ExerciseId,
  instructions: text(2000).default(''),
  points: z.number().int().min(1).max(100).default(1),
};

export const PartOfSpeech = z.enum([
  'noun',
  'verb',
  'adjective',
  'adverb',
  'pronoun',
  'preposition',
  'conjunction',
  'interjection',
  'determiner',
  'phrase',
  'idiom',
  'phrasal verb',
]);

export const TextBlock = z
  .object({ type: z.literal('text'), format: z.literal('markdown').default('markdown'), text: text(200_000) })
  .strict();

export const VocabularyBlock = z
  .object({
    type: z.literal('vocabulary'),
    title: text(200).optional(),
    items: z
      .array(
        z
          .object({
            term: text(200).min(1),
            translation: text(500).default(''),
            example: text(1000).default(''),
            partOfSpeech: PartOfSpeech.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

export const MultipleChoice = z
  .object({
    type: z.literal('multipleChoice'),
    ...exerciseBase,
    question: text(2000).min(1),
    /** Several correct options: the student may select several, with partial credit. */
    multiple: z.boolean().default(false),
    options: z
      .array(z.object({ id: OptionId, text: text(1000).min(1), correct: z.boolean() }).strict())
      .min(2)
      .max(20),
  })
  .strict();

/** How typed answers are compared: case-insensitive and with spaces collapsed unless said otherwise. */
const TextRules = {
  caseSensitive: z.boolean().default(false),
  /** `normalize`: trim, collapse runs of spaces, straighten quotes; `strict`: exactly as typed. */
  whitespace: z.enum(['normalize', 'strict']).default('normalize'),
};

/** Gaps are written `{{}}` in the sentence, one per entry of `gaps` in order; each lists its accepted answers. */
export const GapFill = z
  .object({
    type: z.literal('gapFill'),
    ...exerciseBase,
    ...TextRules,
    sentences: z
      .array(
        z
          .object({
            text: text(2000).min(1),
            gaps: z
              .array(z.object({ accepted: z.array(text(200).min(1)).min(1).max(20) }).strict())
              .min(1)
              .max(20),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

export const Matching = z
  .object({
    type: z.literal('matching'),
    ...exerciseBase,
    pairs: z
      .array(z.object({ id: OptionId, left: text(500).min(1), right: text(500).min(1) }).strict())
      .min(2)
      .max(30),
  })
  .strict();

/** The words in their correct order; `alternatives` are other accepted orders of the same words. */
export const WordOrder = z
  .object({
    type: z.literal('wordOrder'),
    ...exerciseBase,
    ...TextRules,
    words: z.array(text(100).min(1)).min(2).max(40),
    alternatives: z
      .array(z.array(text(100).min(1)).min(2).max(40))
      .max(10)
      .default([]),
  })
  .strict();

export const TrueFalse = z
  .object({
    type: z.literal('trueFalse'),
    ...exerciseBase,
    statement: text(2000).min(1),
    answer: z.boolean(),
  })
  .strict();

/** Open answer / essay: free text, graded by the teacher. */
export const Essay = z
  .object({
    type: z.literal('essay'),
    ...exerciseBase,
    prompt: text(4000).min(1),
    minWords: z.number().int().min(0).max(5000).optional(),
    maxWords: z.number().int().min(1).max(5000).optional(),
  })
  .strict();

export const Exercise = z.discriminatedUnion('type', [
  MultipleChoice,
  GapFill,
  Matching,
  WordOrder,
  TrueFalse,
  Essay,
]);
export type Exercise = z.infer<typeof Exercise>;
export type ExerciseType = Exercise['type'];
export const EXERCISE_TYPES: readonly ExerciseType[] = [
  'multipleChoice',
  'gapFill',
  'matching',
  'wordOrder',
  'trueFalse',
  'essay',
];

export const Block = z.discriminatedUnion('type', [
  TextBlock,
  VocabularyBlock,
  MultipleChoice,
  GapFill,
  Matching,
  WordOrder,
  TrueFalse,
  Essay,
]);
export type Block = z.infer<typeof Block>;

/** The structure alone (what events carry): the rules that need the whole document are in LessonDocument. */
export const LessonDocumentShape = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    title: text(200).optional(),
    passMark: z.number().int().min(0).max(100).default(DEFAULT_PASS_MARK),
    blocks: z.array(Block).max(2000),
  })
  .strict();
export type LessonDocument = z.infer<typeof LessonDocumentShape>;

export const isExercise = (block: Block): block is Exercise =>
  block.type !== 'text' && block.type !== 'vocabulary';
export const exercisesOf = (document: LessonDocument): Exercise[] => document.blocks.filter(isExercise);

const GAP = /\{\{\}\}/g;

/** The document rules the shape cannot say: unique ids, a correct answer everywhere, gaps matching `{{}}`. */
export const LessonDocument = LessonDocumentShape.superRefine((doc, ctx) => {
  const seen = new Set<string>();
  let exercises = 0;
  doc.blocks.forEach((block, i) => {
    const at = (...rest: (string | number)[]) => ['blocks', i, ...rest];
    if (!isExercise(block)) return;
    exercises++;
    if (seen.has(block.id))
      ctx.addIssue({ code: 'custom', path: at('id'), message: `exercise id ${block.id} is used twice` });
    seen.add(block.id);
    switch (block.type) {
      case 'multipleChoice': {
        const correct = block.options.filter((o) => o.correct).length;
        if (correct === 0)
          ctx.addIssue({ code: 'custom', path: at('options'), message: 'no option is marked correct' });
        if (!block.multiple && correct > 1)
          ctx.addIssue({
            code: 'custom',
            path: at('options'),
            message: 'several options are correct: set multiple to true',
          });
        if (new Set(block.options.map((o) => o.id)).size !== block.options.length)
          ctx.addIssue({ code: 'custom', path: at('options'), message: 'option ids must be unique' });
        break;
      }
      case 'gapFill':
        block.sentences.forEach((s, j) => {
          const marks = s.text.match(GAP)?.length ?? 0;
          if (marks !== s.gaps.length)
            ctx.addIssue({
              code: 'custom',
              path: at('sentences', j, 'gaps'),
              message: `the sentence has ${marks} gap marks {{}} but ${s.gaps.length} gaps`,
            });
        });
        break;
      case 'matching':
        if (new Set(block.pairs.map((p) => p.id)).size !== block.pairs.length)
          ctx.addIssue({ code: 'custom', path: at('pairs'), message: 'pair ids must be unique' });
        break;
      case 'wordOrder': {
        const key = (words: string[]) => [...words].sort().join('\u0000');
        block.alternatives.forEach((alt, j) => {
          if (key(alt) !== key(block.words))
            ctx.addIssue({
              code: 'custom',
              path: at('alternatives', j),
              message: 'an alternative order must use exactly the same words',
            });
        });
        break;
      }
      case 'essay':
        if (block.minWords !== undefined && block.maxWords !== undefined && block.minWords > block.maxWords)
          ctx.addIssue({ code: 'custom', path: at('minWords'), message: 'minWords is above maxWords' });
        break;
      case 'trueFalse':
        break;
    }
  });
  if (exercises > MAX_EXERCISES)
    ctx.addIssue({
      code: 'custom',
      path: ['blocks'],
      message: `${exercises} exercises: at most ${MAX_EXERCISES} per lesson`,
    });
});

/** Parses and checks a document; a ValidationError names every wrong field under `prefix`. */
export function parseLessonDocument(input: unknown, prefix = 'document'): LessonDocument {
  const bytes = Buffer.byteLength(JSON.stringify(input ?? null), 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES)
    throw new ValidationError(`the lesson content is ${bytes} bytes: at most ${MAX_DOCUMENT_BYTES} (1 MiB)`, [
      { path: prefix, message: `is ${bytes} bytes, more than ${MAX_DOCUMENT_BYTES}` },
    ]);
  const parsed = LessonDocument.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.slice(0, 20).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ValidationError(
    `invalid lesson content: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
    fields,
  );
}

export const maxPointsOf = (document: LessonDocument) =>
  exercisesOf(document).reduce((sum, e) => sum + e.points, 0);

// ---- The student view: nothing that gives an answer away. ----

/** Deterministic order that does not follow the author's (which usually is the answer). */
function scrambled<T>(items: T[], key: (item: T) => string, seed: string): T[] {
  const hash = (s: string) => {
    let h = 2166136261;
    for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
    return h;
  };
  return items
    .map((item, i) => ({ item, h: hash(`${seed}|${key(item)}|${i}`) }))
    .sort((a, b) => a.h - b.h)
    .map((x) => x.item);
}

/** The right-hand items of a matching exercise as students see them: scrambled, with ids that reveal nothing. */
export function matchingRights(exercise: z.infer<typeof Matching>) {
  return scrambled(exercise.pairs, (p) => p.right, exercise.id).map((pair, i) => ({
    id: `r${i + 1}`,
    text: pair.right,
    pairId: pair.id,
  }));
}

/** The words of a word-order exercise as students see them (never in the correct order). */
export function scrambledWords(exercise: z.infer<typeof WordOrder>): string[] {
  const words = scrambled(exercise.words, (w) => w, exercise.id);
  const same = (order: string[]) => order.join('\u0000') === words.join('\u0000');
  return same(exercise.words) ? [...words.slice(1), words[0]!] : words;
}

export function studentExercise(exercise: Exercise) {
  const base = {
    type: exercise.type,
    id: exercise.id,
    instructions: exercise.instructions,
    points: exercise.points,
  };
  switch (exercise.type) {
    case 'multipleChoice':
      return {
        ...base,
        question: exercise.question,
        multiple: exercise.multiple,
        options: exercise.options.map((o) => ({ id: o.id, text: o.text })),
      };
    case 'gapFill':
      return { ...base, sentences: exercise.sentences.map((s) => ({ text: s.text, gaps: s.gaps.length })) };
    case 'matching':
      return {
        ...base,
        left: exercise.pairs.map((p) => ({ id: p.id, text: p.left })),
        right: matchingRights(exercise).map(({ id, text }) => ({ id, text })),
      };
    case 'wordOrder':
      return { ...base, words: scrambledWords(exercise) };
    case 'trueFalse':
      return { ...base, statement: exercise.statement };
    case 'essay':
      return { ...base, prompt: exercise.prompt, minWords: exercise.minWords, maxWords: exercise.maxWords };
  }
}

export function studentView(document: LessonDocument) {
  return {
    schemaVersion: document.schemaVersion,
    title: document.title,
    passMark: document.passMark,
    blocks: document.blocks.map((b) => (isExercise(b) ? studentExercise(b) : b)),
  };
}
export type StudentView = ReturnType<typeof studentView>;
