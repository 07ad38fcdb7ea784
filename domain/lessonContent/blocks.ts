// The blocks of a lesson document: rich text, vocabulary lists and the six exercise types, each a strict zod
// schema (every exercise has { id, instructions, points }), and the ids under which students see the items of a
// matching or word-order exercise (the student view shows them, grading reads answers given with them).
import { z } from 'zod';

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

export const isExercise = (block: Block): block is Exercise =>
  block.type !== 'text' && block.type !== 'vocabulary';

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
