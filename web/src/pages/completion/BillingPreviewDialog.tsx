// The billing effect of a completion action, shown before it is submitted: per student the cost, the balance
// now and after, and the pricing rule that applied. Only "Confirm" here submits the action.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api';
import { Dialog } from '../../ui/Dialog';
import { Badge, ErrorBox, statusTone } from '../../ui/feedback';
import { actionLabel, attendanceLabel, type Preview } from './types';

export function BillingPreviewDialog({
  preview,
  name,
  error,
  pending,
  onBack,
  onConfirm,
}: {
  preview: Preview;
  name: (studentId: string) => string;
  error: ApiError | undefined;
  pending: boolean;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('completion');
  const action = actionLabel(t, preview.action);
  const total = preview.lines.filter((l) => l.outcome === 'debit').reduce((n, l) => n + l.tokens, 0);
  return (
    <Dialog title={t('completion.preview.title', { action })} open onClose={onBack} wide>
      <p>{t('completion.preview.intro')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('completion.student')}</th>
            <th scope="col">{t('completion.attendance')}</th>
            <th scope="col" className="num">
              {t('completion.preview.cost')}
            </th>
            <th scope="col" className="num">
              {t('completion.preview.balanceNow')}
            </th>
            <th scope="col" className="num">
              {t('completion.preview.balanceAfter')}
            </th>
            <th scope="col">{t('completion.preview.effect')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.lines.map((l) => (
            <tr key={l.studentId}>
              <td>{name(l.studentId)}</td>
              <td>
                <Badge tone={statusTone(l.attendance)}>{attendanceLabel(t, l.attendance)}</Badge>
              </td>
              <td className="num">
                {l.outcome === 'debit'
                  ? t('completion.preview.debit', { count: l.tokens })
                  : t('tokens', { count: 0 })}
              </td>
              <td className="num">{l.balance}</td>
              <td className="num">
                <strong>{l.balanceAfter}</strong>
              </td>
              <td>
                {t(`completion.preview.outcome.${l.outcome}`)}
                <div className="hint">
                  {l.rule === 'unpriced'
                    ? t('completion.preview.rule.unpriced')
                    : t(`completion.preview.rule.${l.rule}`, { count: l.lessonCostTokens ?? 0 })}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('completion.preview.total', { count: total })}</p>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onBack}>
          {t('action.back', { ns: 'common' })}
        </button>
        <button type="button" className="btn btn-primary" disabled={pending} onClick={onConfirm}>
          {t('completion.preview.confirm', { action })}
        </button>
      </div>
    </Dialog>
  );
}
