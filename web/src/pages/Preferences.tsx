// A person's own preferences: their language (their lesson summaries and summary mails are written in it) and
// whether their lesson summaries are mailed to them; the way to change their password.
import { api } from '../lib/api';
import { Link } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { PageHeader } from '../ui/Layout';
import { ErrorBox, Loading } from '../ui/feedback';
import type { SummaryPreferences } from '../../../contract/sessionSummary';
import { PERSON_LANGUAGES } from '../../../contract/languages';

export default function Preferences() {
  const prefs = useApi<SummaryPreferences>('/api/people/me/preferences');
  const save = useAction();
  const change = (body: Partial<SummaryPreferences>) =>
    void save
      .run(() => api.put<SummaryPreferences>('/api/people/me/preferences', body))
      .then((r) => r && prefs.reload());
  if (!prefs.data) return prefs.error ? <ErrorBox error={prefs.error} onRetry={prefs.reload} /> : <Loading />;
  return (
    <section>
      <PageHeader title="Preferences">Your language, and the notifications sent to you by mail.</PageHeader>
      <div className="card">
        <label className="field">
          <span>My language: my lesson summaries and their mails are written in it</span>
          <select
            value={prefs.data.language}
            disabled={save.pending}
            onChange={(e) => change({ language: e.target.value as SummaryPreferences['language'] })}
          >
            {Object.entries(PERSON_LANGUAGES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={prefs.data.lessonSummary}
            disabled={save.pending}
            onChange={(e) => change({ lessonSummary: e.target.checked })}
          />
          <span>
            <strong>Lesson Summary</strong>: mail me my summary after a group lesson
          </span>
        </label>
        <ErrorBox error={save.error} />
      </div>
      <div className="card">
        <h2>Sign-in</h2>
        <p>
          <Link href="/platform/account/password">Change your password</Link>: your other sign-ins end, this
          one stays.
        </p>
      </div>
    </section>
  );
}
