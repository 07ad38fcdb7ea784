// A lesson as the student sees it: its text, vocabulary lists and exercises in order. Answers go through
// `onSubmit`; without it the lesson is a preview (the teacher's "preview as the student sees it").
import { useTranslation } from 'react-i18next';
import type { Answer, GivenAnswer, StudentView, SubmittedAnswer } from '../../../../contract/lessons';
import { markdownToHtml } from '../markdown';
import { ExerciseCard } from './ExerciseCard';
import { VocabularyList } from './VocabularyList';
import '../lessons.css';

type Props = {
  document: StudentView;
  answers?: GivenAnswer[];
  keys?: Record<string, Answer | null> | null;
  onSubmit?(exerciseId: string, answer: Answer): Promise<SubmittedAnswer>;
  closed?: string | null;
};

export function LessonView({ document, answers = [], keys, onSubmit, closed }: Props) {
  const { t } = useTranslation('lessons');
  let number = 0;
  if (document.blocks.length === 0) return <p className="muted">{t('view.empty')}</p>;
  return (
    <div className="lesson-view" data-testid="lesson-view">
      {document.blocks.map((block, i) => {
        if (block.type === 'text')
          return (
            <div
              key={i}
              className="lesson-text"
              dangerouslySetInnerHTML={{ __html: markdownToHtml(block.text) }}
            />
          );
        if (block.type === 'vocabulary') return <VocabularyList key={i} block={block} />;
        number++;
        const given = answers.find((a) => a.exerciseId === block.id);
        return (
          <ExerciseCard
            // Remade when the answer changes or the teacher grades it (the card then shows the grade and the
            // comment instead of the result it got when it was sent).
            key={`${block.id}-${given?.answeredAt ?? ''}-${given?.status ?? ''}-${given?.points ?? ''}-${given?.comment ?? ''}`}
            exercise={block}
            number={number}
            given={given}
            keyAnswer={keys ? (keys[block.id] ?? null) : undefined}
            onSubmit={onSubmit && ((a) => onSubmit(block.id, a))}
            closed={closed}
          />
        );
      })}
    </div>
  );
}
