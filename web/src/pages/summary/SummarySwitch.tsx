// The "Post-Session Summary" switch of an enrollment or a student group: on, its ended group sessions get a
// teacher summary and a summary for each participant, at the cost shown.
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import { SummaryCost } from './SummaryCost';
import type { SummarySwitch as Switch } from '../../../../contract/sessionSummary';

export function SummarySwitch({ url, label }: { url: string; label: string }) {
  const current = useApi<Switch>(url);
  const save = useAction();
  const enabled = current.data?.enabled ?? false;
  return (
    <div>
      <label className="summary-switch check">
        <input
          type="checkbox"
          aria-label={`Post-Session Summary for ${label}`}
          checked={enabled}
          disabled={!current.data || save.pending}
          onChange={(e) =>
            void save
              .run(() => api.put<Switch>(url, { enabled: e.target.checked }))
              .then((r) => r && current.reload())
          }
        />
        <span>Post-Session Summary</span>
      </label>
      <SummaryCost />
      <ErrorBox error={current.error ?? save.error} />
    </div>
  );
}
