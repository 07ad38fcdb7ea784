// The "Post-Session Summary" switch of an enrollment or a student group: on, its ended group sessions get a
// teacher summary and a summary for each participant, at the cost shown. `label` names what it switches (a group's
// name); without it, it is "this enrollment".
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import { SummaryCost } from './SummaryCost';
import type { SummarySwitch as Switch } from '../../../../contract/sessionSummary';

export function SummarySwitch({ url, label }: { url: string; label?: string }) {
  const { t } = useTranslation('completion');
  const current = useApi<Switch>(url);
  const save = useAction();
  const enabled = current.data?.enabled ?? false;
  return (
    <div>
      <label className="summary-switch check">
        <input
          type="checkbox"
          aria-label={
            label === undefined ? t('summary.switchForEnrollment') : t('summary.switchFor', { name: label })
          }
          checked={enabled}
          disabled={!current.data || save.pending}
          onChange={(e) =>
            void save
              .run(() => api.put<Switch>(url, { enabled: e.target.checked }))
              .then((r) => r && current.reload())
          }
        />
        <span>{t('summary.switch')}</span>
      </label>
      <SummaryCost />
      <ErrorBox error={current.error ?? save.error} />
    </div>
  );
}
