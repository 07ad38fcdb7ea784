// My preferences: the "Lesson Summary" mail (my summary after each group lesson that makes one).
import { api } from '../lib/api';
import { useAction, useApi } from '../lib/useApi';
import { PageHeader } from '../ui/Layout';
import { ErrorBox, Loading } from '../ui/feedback';
import type { SummaryPreferences } from '../../../contract/sessionSummary';

export default function Preferences() {
  const prefs = useApi<SummaryPreferences>('/api/people/me/preferences');
  const save = useAction();
  if (!prefs.data) return prefs.error ? <ErrorBox error={prefs.error} onRetry={prefs.reload} /> : <Loading />;
  return (
    <section>
      <PageHeader title="Preferences">Notifications sent to you by mail.</PageHeader>
      <div className="card">
        <label className="check">
          <input
            type="checkbox"
            checked={prefs.data.lessonSummary}
            disabled={save.pending}
            onChange={(e) =>
              void save
                .run(() =>
                  api.put<SummaryPreferences>('/api/people/me/preferences', {
                    lessonSummary: e.target.checked,
                  }),
                )
                .then((r) => r && prefs.reload())
            }
          />
          <span>
            <strong>Lesson Summary</strong>: mail me my summary after a group lesson
          </span>
        </label>
        <ErrorBox error={save.error} />
      </div>
    </section>
  );
}
