// The student view of a lesson document: the same document with every correct answer taken out (options without
// their flag, gaps as counts, matching right items and word-order words scrambled).
import { isExercise, matchingRights, scrambledWords, type Exercise } from './blocks.js';
import type { LessonDocument } from './document.js';

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
