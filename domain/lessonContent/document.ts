// A lesson's content: a document of blocks (rich text, vocabulary lists, exercises). Pure: the schema, its
// limits and the rules that need the whole document. The blocks are in blocks.ts (re-exported here), the student
// view in studentView.ts.
//
// schemaVersion 1 (the export/import format is this document as JSON):
//   { schemaVersion: 1, passMark?: 0..100 (percent, default 60), blocks: Block[] }
//   Block = text | vocabulary | multipleChoice | gapFill | matching | wordOrder | trueFalse | essay
//   Every exercise has { id, instructions, points }. See blocks.ts for each type's fields.
import { z } from 'zod';
import { ValidationError, fieldProblemOf } from '../shared/errors.js';
import { Block, isExercise, type Exercise } from './blocks.js';

export * from './blocks.js';

export const SCHEMA_VERSION = 1;
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const MAX_EXERCISES = 200;
export const DEFAULT_PASS_MARK = 60;

/** The structure alone (what events carry): the rules that need the whole document are in LessonDocument. */
export const LessonDocumentShape = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    title: z.string().max(200).optional(),
    passMark: z.number().int().min(0).max(100).default(DEFAULT_PASS_MARK),
    blocks: z.array(Block).max(2000),
  })
  .strict();
export type LessonDocument = z.infer<typeof LessonDocumentShape>;

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
      ctx.addIssue({
        code: 'custom',
        path: at('id'),
        message: `exercise id ${block.id} is used twice`,
        params: { rule: 'exercise_id_repeated', id: block.id },
      });
    seen.add(block.id);
    switch (block.type) {
      case 'multipleChoice': {
        const correct = block.options.filter((o) => o.correct).length;
        if (correct === 0)
          ctx.addIssue({
            code: 'custom',
            path: at('options'),
            message: 'no option is marked correct',
            params: { rule: 'no_correct_option' },
          });
        if (!block.multiple && correct > 1)
          ctx.addIssue({
            code: 'custom',
            path: at('options'),
            message: 'several options are correct: set multiple to true',
            params: { rule: 'several_correct_options' },
          });
        if (new Set(block.options.map((o) => o.id)).size !== block.options.length)
          ctx.addIssue({
            code: 'custom',
            path: at('options'),
            message: 'option ids must be unique',
            params: { rule: 'option_ids_repeated' },
          });
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
              params: { rule: 'gap_count_mismatch', marks, gaps: s.gaps.length },
            });
        });
        break;
      case 'matching':
        if (new Set(block.pairs.map((p) => p.id)).size !== block.pairs.length)
          ctx.addIssue({
            code: 'custom',
            path: at('pairs'),
            message: 'pair ids must be unique',
            params: { rule: 'pair_ids_repeated' },
          });
        break;
      case 'wordOrder': {
        const key = (words: string[]) => [...words].sort().join('\u0000');
        block.alternatives.forEach((alt, j) => {
          if (key(alt) !== key(block.words))
            ctx.addIssue({
              code: 'custom',
              path: at('alternatives', j),
              message: 'an alternative order must use exactly the same words',
              params: { rule: 'alternative_words_differ' },
            });
        });
        break;
      }
      case 'essay':
        if (block.minWords !== undefined && block.maxWords !== undefined && block.minWords > block.maxWords)
          ctx.addIssue({
            code: 'custom',
            path: at('minWords'),
            message: 'minWords is above maxWords',
            params: { rule: 'min_words_above_max' },
          });
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
      params: { rule: 'too_many_exercises', exercises, maximum: MAX_EXERCISES },
    });
});

/** Parses and checks a document; a ValidationError names every wrong field under `prefix`. */
export function parseLessonDocument(input: unknown, prefix = 'document'): LessonDocument {
  const bytes = Buffer.byteLength(JSON.stringify(input ?? null), 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES)
    throw new ValidationError(`the lesson content is ${bytes} bytes: at most ${MAX_DOCUMENT_BYTES} (1 MiB)`, [
      {
        path: prefix,
        message: `is ${bytes} bytes, more than ${MAX_DOCUMENT_BYTES}`,
        code: 'too_big',
        origin: 'bytes',
        maximum: MAX_DOCUMENT_BYTES,
      },
    ]);
  const parsed = LessonDocument.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .slice(0, 20)
    .map((issue) => fieldProblemOf([prefix, ...issue.path.map(String)].join('.'), issue));
  throw new ValidationError(
    `invalid lesson content: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
    fields,
  );
}

export const maxPointsOf = (document: LessonDocument) =>
  exercisesOf(document).reduce((sum, e) => sum + e.points, 0);
