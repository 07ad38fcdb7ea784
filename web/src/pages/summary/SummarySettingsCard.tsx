// The organisation's summary settings (admins): what each making of a session's summaries costs and the
// "Teacher Lesson Summary Recipients" the teacher summary is mailed to.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import type { SummarySettings } from '../../../../contract/sessionSummary';

export function SummarySettingsCard() {
  const current = useApi<SummarySettings>('/api/summary-settings');
  const save = useAction();
  const [cost, setCost] = useState('');
  const [recipients, setRecipients] = useState('');
  useEffect(() => {
    if (!current.data) return;
    setCost(String(current.data.summaryCostTokens));
    setRecipients((current.data.teacherLessonSummaryRecipients ?? []).join('\n'));
  }, [current.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      summaryCostTokens: Number(cost),
      teacherLessonSummaryRecipients: recipients.split(/[\s,;]+/).filter(Boolean),
    };
    void save
      .run(() => api.put<SummarySettings>('/api/summary-settings', body))
      .then((r) => r && current.reload());
  };
  return (
    <form className="card" aria-label="Summary settings" onSubmit={submit}>
      <h2>Post-session summaries</h2>
      {/* Disabled until the current settings arrive, so nothing typed before is overwritten by them. */}
      <fieldset disabled={!current.data} className="plain">
        <label>
          Cost per summary (tokens)
          <input type="number" min={0} step={1} value={cost} onChange={(e) => setCost(e.target.value)} />
        </label>
        <label>
          Teacher Lesson Summary Recipients (one e-mail address a line)
          <textarea rows={3} value={recipients} onChange={(e) => setRecipients(e.target.value)} />
        </label>
      </fieldset>
      <button type="submit" className="btn" disabled={!current.data || save.pending}>
        Save
      </button>
      <ErrorBox error={current.error ?? save.error} />
    </form>
  );
}
