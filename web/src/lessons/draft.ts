// The lesson document as the editor holds it: new blocks of each type, labels, ids, and the server's field
// errors (400) found by their path, so each shows next to its field.
import type { FieldError } from '../lib/api';
import type { Block, ExerciseType, LessonDocument } from '../../../contract/lessons';

export type BlockType = Block['type'];

/** Every block type, in the order the editor offers them (their names: `blockType.<type>` in the lessons catalogue). */
export const BLOCK_TYPES: BlockType[] = [
  'text',
  'vocabulary',
  'multipleChoice',
  'gapFill',
  'matching',
  'wordOrder',
  'trueFalse',
  'essay',
];

export const PARTS_OF_SPEECH = [
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
] as const;

export const isExerciseType = (type: string): type is ExerciseType =>
  type !== 'text' && type !== 'vocabulary';

export const emptyDocument = (): LessonDocument => ({ schemaVersion: 1, passMark: 60, blocks: [] });

/** A short id no other exercise of the document uses: `mc1`, `gap2`, ... */
export function newExerciseId(document: LessonDocument, type: ExerciseType) {
  const prefix = {
    multipleChoice: 'mc',
    gapFill: 'gap',
    matching: 'match',
    wordOrder: 'order',
    trueFalse: 'tf',
    essay: 'essay',
  }[type];
  const used = new Set(document.blocks.map((b) => ('id' in b ? b.id : '')));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A new block of `type`; a vocabulary list starts with `vocabularyTitle` (in the teacher's language). */
export function newBlock(type: BlockType, document: LessonDocument, vocabularyTitle = 'Vocabulary'): Block {
  const base = { instructions: '', points: 1 };
  switch (type) {
    case 'text':
      return { type, format: 'markdown', text: '' };
    case 'vocabulary':
      return { type, title: vocabularyTitle, items: [{ term: '', translation: '', example: '' }] };
    case 'multipleChoice':
      return {
        type,
        id: newExerciseId(document, type),
        ...base,
        question: '',
        multiple: false,
        options: [
          { id: 'a', text: '', correct: true },
          { id: 'b', text: '', correct: false },
        ],
      };
    case 'gapFill':
      return {
        type,
        id: newExerciseId(document, type),
        ...base,
        caseSensitive: false,
        whitespace: 'normalize',
        sentences: [{ text: '', gaps: [{ accepted: [''] }] }],
      };
    case 'matching':
      return {
        type,
        id: newExerciseId(document, type),
        ...base,
        pairs: [
          { id: 'p1', left: '', right: '' },
          { id: 'p2', left: '', right: '' },
        ],
      };
    case 'wordOrder':
      return {
        type,
        id: newExerciseId(document, type),
        ...base,
        caseSensitive: false,
        whitespace: 'normalize',
        words: ['', ''],
        alternatives: [],
      };
    case 'trueFalse':
      return { type, id: newExerciseId(document, type), ...base, statement: '', answer: true };
    case 'essay':
      return { type, id: newExerciseId(document, type), ...base, prompt: '' };
  }
}

/** The next free id among `ids` with `prefix` (options a, b, c...; pairs p1, p2...). */
export function nextId(ids: string[], prefix: string) {
  if (!prefix) {
    for (const c of 'abcdefghijklmnopqrstuvwxyz') if (!ids.includes(c)) return c;
  }
  let n = ids.length + 1;
  while (ids.includes(`${prefix || 'o'}${n}`)) n++;
  return `${prefix || 'o'}${n}`;
}

/** A field error's path without the `body.` / `document.` it carries: `blocks.2.options`. */
const pathOf = (e: FieldError) => e.path.replace(/^(body|document)\.?/, '');

/** A field error in words: the server's message unless a translation is given (useProblemText().message). */
type Word = (f: FieldError) => string;
const english: Word = (f) => f.message;

/** The messages of the errors at `path` (and, with `deep`, below it). */
export function errorsAt(fields: FieldError[], path: string, deep = false, word: Word = english): string[] {
  return fields
    .filter((f) => {
      const p = pathOf(f);
      return p === path || (deep && p.startsWith(`${path}.`));
    })
    .map((f) => (deep && pathOf(f) !== path ? `${pathOf(f).slice(path.length + 1)}: ${word(f)}` : word(f)));
}

/** Errors no field of the editor shows (the document as a whole); `whole` names the document itself, `name`
 * a field by its path. */
export function documentErrors(
  fields: FieldError[],
  whole = 'document',
  word: Word = english,
  name: (path: string) => string = (path) => path,
): string[] {
  return fields
    .filter((f) => !/^blocks\.\d+/.test(pathOf(f)))
    .map((f) => `${pathOf(f) ? name(pathOf(f)) : whole}: ${word(f)}`);
}

/** Lines <-> a list (accepted alternatives, word lists), blank lines dropped when saved. */
export const splitList = (text: string) =>
  text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
export const joinList = (items: string[]) => items.join(' | ');
