// The confirmation before an analysis is paid: the exact cost (70 for one lesson, 500 for the recent ones), the
// organisation's spendable balance, and the analyse button disabled when the balance is short (unless the
// organisation allows overdraft).
import { api, idempotencyKey } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import type { AnalysisQuote, LessonAnalysisSummary } from '../../../../contract/lessonAnalysis';

export type AnalysisTarget = { scope: 'single'; courseLessonId: string; title: string } | { scope: 'bulk' };

export function ConfirmAnalysis({
  enrollmentId,
  target,
  quote,
  onClose,
  onRequested,
}: {
  enrollmentId: string;
  target: AnalysisTarget;
  quote: AnalysisQuote;
  onClose: () => void;
  onRequested: (analysis: LessonAnalysisSummary) => void;
}) {
  const action = useAction();
  const cost = quote.costs[target.scope];
  const affordable = quote.canAfford[target.scope];
  const lessons = Math.min(quote.bulkLessons, quote.analysable.length);
  const submit = async () => {
    const body =
      target.scope === 'single'
        ? { scope: 'single', courseLessonId: target.courseLessonId }
        : { scope: 'bulk' };
    const created = await action.run(() =>
      api.post<LessonAnalysisSummary>(
        `/api/enrollments/${enrollmentId}/lesson-analyses`,
        body,
        idempotencyKey(),
      ),
    );
    if (created) onRequested(created);
  };
  return (
    <Dialog
      open
      title={target.scope === 'single' ? 'Analyse this lesson' : 'Analyse the recent lessons'}
      onClose={onClose}
    >
      <p>
        {target.scope === 'single' ? (
          <>
            A report on <strong>{target.title}</strong>: performance, exercise breakdown, strengths and
            weaknesses, essay feedback, recommended lessons and a learning plan.
          </>
        ) : (
          <>
            A report on the <strong>{lessons}</strong> most recent passed or verified lesson(s) (at most{' '}
            {quote.bulkLessons}).
          </>
        )}
      </p>
      <p data-testid="analysis-cost">
        Cost: <strong>{cost} tokens</strong> from the organisation&apos;s wallet (balance {quote.balance}{' '}
        tokens). They are given back if the analysis fails.
      </p>
      {!affordable && (
        <div className="notice notice-bad" role="status">
          The organisation&apos;s balance of {quote.balance} tokens is not enough for {cost} tokens.
        </div>
      )}
      <ErrorBox error={action.error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!affordable || action.pending}
          onClick={() => void submit()}
        >
          Analyse for {cost} tokens
        </button>
      </div>
    </Dialog>
  );
}
