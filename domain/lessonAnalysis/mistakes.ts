// Locating the wrong parts of one graded answer (pure): which gap, which distractor, which pair, which order,
// which statement. Compared with the same text rules as the grading.
import { matchingRights, type Exercise } from '../lessonContent/document.js';
import { normalizeText, type Answer } from '../lessonContent/grading.js';
import type { ErrorItem } from './report.js';

/** Every wrong part of one graded answer. */
export function mistakes(lessonId: string, exercise: Exercise, answer: Answer) {
  const base = { courseLessonId: lessonId, exerciseId: exercise.id, type: exercise.type };
  const gaps: ErrorItem[] = [];
  const other: ErrorItem[] = [];
  const distractors: { optionId: string; text: string; question: string }[] = [];
  if (exercise.type === 'gapFill' && answer.type === 'gapFill') {
    let i = 0;
    for (const sentence of exercise.sentences)
      for (const gap of sentence.gaps) {
        const given = answer.gaps[i] ?? '';
        const ok = gap.accepted.some((a) => normalizeText(a, exercise) === normalizeText(given, exercise));
        i++;
        if (!ok)
          gaps.push({ ...base, item: String(i), prompt: sentence.text, expected: gap.accepted[0]!, given });
      }
  } else if (exercise.type === 'multipleChoice' && answer.type === 'multipleChoice') {
    for (const id of answer.selected) {
      const option = exercise.options.find((o) => o.id === id);
      if (option && !option.correct)
        distractors.push({ optionId: id, text: option.text, question: exercise.question });
    }
  } else if (exercise.type === 'matching' && answer.type === 'matching') {
    const rights = matchingRights(exercise);
    for (const pair of exercise.pairs) {
      const chosen = rights.find((r) => r.id === answer.matches[pair.id]);
      if (chosen?.pairId !== pair.id)
        other.push({
          ...base,
          item: pair.id,
          prompt: pair.left,
          expected: pair.right,
          given: chosen?.text ?? '',
        });
    }
  } else if (exercise.type === 'wordOrder' && answer.type === 'wordOrder') {
    const sentence = (w: string[]) => normalizeText(w.join(' '), exercise);
    const ok = [exercise.words, ...exercise.alternatives].some((o) => sentence(o) === sentence(answer.words));
    if (!ok)
      other.push({
        ...base,
        item: null,
        prompt: exercise.instructions,
        expected: exercise.words.join(' '),
        given: answer.words.join(' '),
      });
  } else if (exercise.type === 'trueFalse' && answer.type === 'trueFalse') {
    if (answer.value !== exercise.answer)
      other.push({
        ...base,
        item: null,
        prompt: exercise.statement,
        expected: String(exercise.answer),
        given: String(answer.value),
      });
  }
  return { gaps, other, distractors };
}
