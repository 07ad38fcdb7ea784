// The confirmation before an analysis is paid: the exact cost (70 for one lesson, 500 for the recent ones), the
// organisation's spendable balance, and the analyse button disabled when the balance is short (unless the
// organisation allows overdraft).
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('completion');
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
      title={target.scope === 'single' ? t('analysis.confirm.single') : t('analysis.confirm.bulk')}
      onClose={onClose}
    >
      <p>
        {target.scope === 'single' ? (
          <Trans
            t={t}
            i18nKey="analysis.confirm.singleText"
            values={{ title: target.title }}
            components={{ strong: <strong /> }}
          />
        ) : (
          <Trans
            t={t}
            i18nKey="analysis.confirm.bulkText"
            count={lessons}
            values={{ max: quote.bulkLessons }}
            components={{ strong: <strong /> }}
          />
        )}
      </p>
      <p data-testid="analysis-cost">
        <Trans
          t={t}
          i18nKey="analysis.confirm.cost"
          values={{ cost: t('tokens', { count: cost }), balance: t('tokens', { count: quote.balance }) }}
          components={{ strong: <strong /> }}
        />
      </p>
      {!affordable && (
        <div className="notice notice-bad" role="status">
          {t('analysis.confirm.short', {
            balance: t('tokens', { count: quote.balance }),
            cost: t('tokens', { count: cost }),
          })}
        </div>
      )}
      <ErrorBox error={action.error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('action.cancel', { ns: 'common' })}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!affordable || action.pending}
          onClick={() => void submit()}
        >
          {t('analysis.confirm.submit', { count: cost })}
        </button>
      </div>
    </Dialog>
  );
}
