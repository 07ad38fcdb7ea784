// An answer in words, for results, the revealed key and the teacher's view of each student's answers.
import type { TFunction } from 'i18next';
import type { Answer, StudentExercise } from '../../../contract/lessons';

export function answerText(
  t: TFunction<'lessons'>,
  exercise: StudentExercise,
  answer: Answer | null | undefined,
): string {
  if (!answer) return '—';
  switch (answer.type) {
    case 'multipleChoice': {
      const options = exercise.type === 'multipleChoice' ? exercise.options : [];
      return answer.selected.map((id) => options.find((o) => o.id === id)?.text ?? id).join(', ') || '—';
    }
    case 'gapFill':
      return answer.gaps.map((g) => g || '…').join(' / ');
    case 'matching': {
      if (exercise.type !== 'matching') return '';
      return exercise.left
        .map((l) => `${l.text} → ${exercise.right.find((r) => r.id === answer.matches[l.id])?.text ?? '…'}`)
        .join('; ');
    }
    case 'wordOrder':
      return answer.words.join(' ');
    case 'trueFalse':
      return answer.value ? t('truth.true') : t('truth.false');
    case 'essay':
      return answer.text;
  }
}

export const pointsText = (t: TFunction<'lessons'>, points: number | null, max: number) =>
  points === null ? t('answer.awaiting', { max }) : t('answer.points', { points, count: max });
