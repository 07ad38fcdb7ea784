// The document as a student sees it, made in the browser for the teacher's preview and for a student once the
// answers are revealed (the server then sends the whole document). Matching keeps the ids the server gave the
// right-hand items when the key names them, so answers given before still point at the same items.
import type { Answer, LessonDocument, StudentExercise, StudentView } from '../../../contract/lessons';
import { isExerciseType } from './draft';

type Key = Record<string, Answer | null> | null | undefined;

export function isFullDocument(doc: LessonDocument | StudentView): doc is LessonDocument {
  return doc.blocks.some(
    (b) =>
      (b.type === 'multipleChoice' && 'options' in b && b.options.some((o) => 'correct' in o)) ||
      (b.type === 'matching' && 'pairs' in b) ||
      (b.type === 'gapFill' && 'sentences' in b && b.sentences.some((s) => Array.isArray(s.gaps))) ||
      (b.type === 'trueFalse' && 'answer' in b) ||
      (b.type === 'wordOrder' && 'alternatives' in b),
  );
}

function rightsOf(pairs: { id: string; right: string }[], key: Answer | null | undefined) {
  if (key?.type === 'matching') {
    const byRight = pairs.map((p) => ({ id: key.matches[p.id] ?? p.id, text: p.right }));
    return byRight.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  }
  const rotated = [...pairs.slice(1), pairs[0]!];
  return rotated.map((p, i) => ({ id: `r${i + 1}`, text: p.right }));
}

export function studentExerciseOf(block: LessonDocument['blocks'][number], key: Key): StudentExercise | null {
  if (!isExerciseType(block.type)) return null;
  const b = block as Exclude<typeof block, { type: 'text' } | { type: 'vocabulary' }>;
  const base = { id: b.id, instructions: b.instructions, points: b.points };
  switch (b.type) {
    case 'multipleChoice':
      return {
        ...base,
        type: b.type,
        question: b.question,
        multiple: b.multiple,
        options: b.options.map(({ id, text }) => ({ id, text })),
      };
    case 'gapFill':
      return {
        ...base,
        type: b.type,
        sentences: b.sentences.map((s) => ({ text: s.text, gaps: s.gaps.length })),
      };
    case 'matching':
      return {
        ...base,
        type: b.type,
        left: b.pairs.map((p) => ({ id: p.id, text: p.left })),
        right: rightsOf(b.pairs, key?.[b.id]),
      };
    case 'wordOrder':
      return { ...base, type: b.type, words: [...b.words].reverse() };
    case 'trueFalse':
      return { ...base, type: b.type, statement: b.statement };
    case 'essay':
      return { ...base, type: b.type, prompt: b.prompt, minWords: b.minWords, maxWords: b.maxWords };
  }
}

/** The student view of any document the API sent: already one, or made from the whole document. */
export function toStudentView(doc: LessonDocument | StudentView, key?: Key): StudentView {
  if (!isFullDocument(doc)) return doc;
  return {
    schemaVersion: doc.schemaVersion,
    title: doc.title,
    passMark: doc.passMark,
    blocks: doc.blocks.map((b) => studentExerciseOf(b, key) ?? (b as StudentView['blocks'][number])),
  } as StudentView;
}
