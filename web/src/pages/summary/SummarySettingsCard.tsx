// The organisation's summary settings (admins): what each making of a session's summaries costs and the
// "Teacher Lesson Summary Recipients" the teacher summary is mailed to.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import type { SummarySettings } from '../../../../contract/sessionSummary';

export function SummarySettingsCard() {
  const { t } = useTranslation('completion');
  const current = useApi<SummarySettings>('/api/summary-settings');
  return (
    <section className="card" aria-label={t('summary.settings.title')}>
      <h2>{t('summary.settings.title')}</h2>
      {/* The form exists once the stored settings arrived and starts from them; a later reload of the settings
          never overwrites what is being typed. */}
      {current.data ? (
        <SettingsForm stored={current.data} onSaved={current.reload} />
      ) : (
        <p className="muted">{t('feedback.loading', { ns: 'common' })}</p>
      )}
      <ErrorBox error={current.error} />
    </section>
  );
}

function SettingsForm({ stored, onSaved }: { stored: SummarySettings; onSaved: () => void }) {
  const { t } = useTranslation('completion');
  const save = useAction();
  const [cost, setCost] = useState(String(stored.summaryCostTokens));
  const [recipients, setRecipients] = useState((stored.teacherLessonSummaryRecipients ?? []).join('\n'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      summaryCostTokens: Number(cost),
      teacherLessonSummaryRecipients: recipients.split(/[\s,;]+/).filter(Boolean),
    };
    void save.run(() => api.put<SummarySettings>('/api/summary-settings', body)).then((r) => r && onSaved());
  };
  return (
    <form aria-label={t('summary.settings.form')} onSubmit={submit}>
      <label>
        {t('summary.settings.cost')}
        <input type="number" min={0} step={1} value={cost} onChange={(e) => setCost(e.target.value)} />
      </label>
      <label>
        {t('summary.settings.recipients')}
        <textarea rows={3} value={recipients} onChange={(e) => setRecipients(e.target.value)} />
      </label>
      <button type="submit" className="btn" disabled={save.pending}>
        {t('action.save', { ns: 'common' })}
      </button>
      <ErrorBox error={save.error} />
    </form>
  );
}
