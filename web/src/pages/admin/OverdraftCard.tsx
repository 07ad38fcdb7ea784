// The organisation's overdraft setting: admins turn it on or off (with the ETag they read, so two admins do not
// overwrite each other unseen); teachers see it read-only.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import type { OrganisationSettings } from '../../../../contract/organisationSettings';

const URL = '/api/organisation/settings';

export function OverdraftCard({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation('admin');
  const [current, setCurrent] = useState<{ settings: OrganisationSettings; etag: string | null }>();
  const load = useAction();
  const save = useAction();
  const reload = useCallback(() => {
    void load
      .run(() => api.getWithEtag<OrganisationSettings>(URL))
      .then((r) => r && setCurrent({ settings: r.data, etag: r.etag }));
  }, [load.run]);
  useEffect(reload, [reload]);
  const toggle = (allowOverdraft: boolean) => {
    const ifMatch: Record<string, string> = current?.etag ? { 'if-match': current.etag } : {};
    void save.run(() => api.put<OrganisationSettings>(URL, { allowOverdraft }, ifMatch)).then(reload);
  };
  return (
    <section className="card" aria-label={t('overdraft.title')}>
      <h2>{t('overdraft.title')}</h2>
      <label>
        <input
          type="checkbox"
          checked={current?.settings.allowOverdraft ?? false}
          disabled={!canChange || !current || save.pending}
          onChange={(e) => toggle(e.target.checked)}
        />{' '}
        {t('overdraft.allow')}
      </label>
      <p className="muted">
        {t('overdraft.hint')}
        {!canChange && ` ${t('overdraft.adminsOnly')}`}
      </p>
      <ErrorBox error={load.error ?? save.error} onRetry={load.error ? reload : undefined} />
    </section>
  );
}
