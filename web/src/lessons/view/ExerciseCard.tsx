// One exercise as the student answers it: the instructions, the input for its type, Submit, and then the
// student's own result (never the key until the teacher reveals it).
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Answer, GivenAnswer, StudentExercise, SubmittedAnswer } from '../../../../contract/lessons';
import { Badge, ErrorBox } from '../../ui/feedback';
import { useAction } from '../../lib/useApi';
import { answerText, pointsText } from '../answerText';
import {
  EssayInput,
  GapFillInput,
  MatchingInput,
  MultipleChoiceInput,
  TrueFalseInput,
  WordOrderInput,
} from './AnswerInputs';

type Props = {
  exercise: StudentExercise;
  number: number;
  given?: GivenAnswer;
  /** The correct answer, once revealed. */
  keyAnswer?: Answer | null;
  /** Sends the answer; absent in the preview. */
  onSubmit?(answer: Answer): Promise<SubmittedAnswer>;
  /** Why no answers are taken (revealed, handed in, verified), if so. */
  closed?: string | null;
};

export function ExerciseCard({ exercise, number, given, keyAnswer, onSubmit, closed }: Props) {
  const { t } = useTranslation('lessons');
  const [draft, setDraft] = useState<Answer | undefined>(given?.answer);
  /** The server's grade of the answer just sent, until the answers list has it (the card is then remade). */
  const [sent, setSent] = useState<{ answer: Answer; result: SubmittedAnswer }>();
  const send = useAction();
  const value = draft ?? sent?.answer ?? given?.answer;
  const result: Graded | undefined = sent?.result ?? given;
  const disabled = !!closed || send.pending;
  const inputProps = { disabled, onChange: (a: Answer) => setDraft(a) };
  const e = exercise;
  const title = t('view.exercise', { number, type: t(`blockType.${e.type}`) });
  return (
    <article className="card exercise" aria-label={title} data-testid="exercise" data-exercise={e.id}>
      <header className="card-head">
        <h3>{title}</h3>
        <span className="muted">{t('view.points', { count: e.points })}</span>
      </header>
      {e.instructions && <p className="instructions">{e.instructions}</p>}
      {e.type === 'multipleChoice' && (
        <MultipleChoiceInput exercise={e} value={value as never} {...inputProps} />
      )}
      {e.type === 'gapFill' && <GapFillInput exercise={e} value={value as never} {...inputProps} />}
      {e.type === 'matching' && <MatchingInput exercise={e} value={value as never} {...inputProps} />}
      {e.type === 'wordOrder' && <WordOrderInput exercise={e} value={value as never} {...inputProps} />}
      {e.type === 'trueFalse' && <TrueFalseInput exercise={e} value={value as never} {...inputProps} />}
      {e.type === 'essay' && <EssayInput exercise={e} value={value as never} {...inputProps} />}
      <ErrorBox error={send.error} />
      <div className="exercise-foot">
        {onSubmit ? (
          !closed && (
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={disabled || !draft}
              onClick={() => {
                const answer = draft!;
                void send
                  .run(() => onSubmit(answer))
                  .then((r) => {
                    if (!r) return;
                    setSent({ answer, result: r });
                    setDraft(undefined);
                  });
              }}
            >
              {result ? t('view.submitAgain') : t('view.submit')}
            </button>
          )
        ) : (
          <span className="muted">{t('view.preview')}</span>
        )}
        {result && <Result given={result} comment={sent ? null : (given?.comment ?? null)} />}
        {closed && <span className="muted">{closed}</span>}
      </div>
      {keyAnswer !== undefined && keyAnswer !== null && (
        <p className="answer-key" data-testid="answer-key">
          <Trans
            t={t}
            i18nKey="view.correctAnswer"
            values={{ answer: answerText(t, e, keyAnswer) }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
    </article>
  );
}

type Graded = Pick<GivenAnswer, 'points' | 'maxPoints' | 'correct'>;

function Result({ given, comment }: { given: Graded; comment: string | null }) {
  const { t } = useTranslation('lessons');
  const tone = given.points === null ? 'info' : given.correct ? 'ok' : given.points > 0 ? 'warn' : 'bad';
  const label =
    given.points === null
      ? t('view.result.submitted')
      : given.correct
        ? t('view.result.correct')
        : given.points > 0
          ? t('view.result.partly')
          : t('view.result.wrong');
  return (
    <span className="result" role="status" data-testid="exercise-result">
      <Badge tone={tone}>{label}</Badge> {pointsText(t, given.points, given.maxPoints)}
      {comment && <span className="comment"> · {t('view.teacherComment', { comment })}</span>}
    </span>
  );
}
