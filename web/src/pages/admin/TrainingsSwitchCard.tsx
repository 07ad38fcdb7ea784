// The organisation's trainings switch: admins turn trainings on or off for everyone; teachers see it read-only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';

const URL = '/api/training-settings';
type Setting = { trainingsEnabled: boolean };

export function TrainingsSwitchCard({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation('trainingAdmin');
  const current = useApi<Setting>(URL);
  const save = useAction();
  // The switch moves at once; the server's answer (or, on an error, what it had) replaces it.
  const [shown, setShown] = useState<boolean | null>(null);
  const on = shown ?? current.data?.trainingsEnabled ?? false;
  const toggle = (trainingsEnabled: boolean) => {
    setShown(trainingsEnabled);
    void save
      .run(() => api.put<Setting>(URL, { trainingsEnabled }))
      .then((r) => setShown(r ? r.trainingsEnabled : null));
  };
  return (
    <section className="card" aria-labelledby="trainings-switch">
      <h2 id="trainings-switch">{t('switch.title')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          disabled={!canChange || !current.data || save.pending}
          onChange={(e) => toggle(e.target.checked)}
        />{' '}
        {t('switch.label')}
      </label>
      <p className="muted">
        {on ? t('switch.onHint') : t('switch.offHint')}
        {!canChange && ` ${t('switch.adminsOnly')}`}
      </p>
      <ErrorBox error={current.error ?? save.error} onRetry={current.error ? current.reload : undefined} />
    </section>
  );
}
