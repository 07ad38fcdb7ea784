// A lesson as the student sees it: its text, vocabulary lists and exercises in order. Answers go through
// `onSubmit`; without it the lesson is a preview (the teacher's "preview as the student sees it").
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
  let number = 0;
  if (document.blocks.length === 0) return <p className="muted">This lesson has no content yet.</p>;
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
        return (
          <ExerciseCard
            key={`${block.id}-${answers.find((a) => a.exerciseId === block.id)?.answeredAt ?? ''}`}
            exercise={block}
            number={number}
            given={answers.find((a) => a.exerciseId === block.id)}
            keyAnswer={keys ? (keys[block.id] ?? null) : undefined}
            onSubmit={onSubmit && ((a) => onSubmit(block.id, a))}
            closed={closed}
          />
        );
      })}
    </div>
  );
}
