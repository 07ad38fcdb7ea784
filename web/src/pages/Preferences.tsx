// A person's own preferences: their language (their lesson summaries and summary mails are written in it) and
// whether their lesson summaries are mailed to them; the way to change their password. A new language is the
// interface's at once.
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { Link } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { PageHeader } from '../ui/Layout';
import { ErrorBox, Loading } from '../ui/feedback';
import type { SummaryPreferences } from '../../../contract/sessionSummary';
import { PERSON_LANGUAGES, type PersonLanguage } from '../../../contract/languages';
import { switchToLanguage } from '../i18n';

export default function Preferences() {
  const { t } = useTranslation('preferences');
  const prefs = useApi<SummaryPreferences>('/api/people/me/preferences');
  const save = useAction();
  const change = (body: Partial<SummaryPreferences>) =>
    void save
      .run(() => api.put<SummaryPreferences>('/api/people/me/preferences', body))
      .then((r) => {
        if (!r) return;
        prefs.reload();
        if (body.language) void switchToLanguage(r.language);
      });
  if (!prefs.data) return prefs.error ? <ErrorBox error={prefs.error} onRetry={prefs.reload} /> : <Loading />;
  return (
    <section>
      <PageHeader title={t('title')}>{t('intro')}</PageHeader>
      <div className="card">
        <label className="field">
          <span>{t('language')}</span>
          <select
            value={prefs.data.language}
            disabled={save.pending}
            onChange={(e) => change({ language: e.target.value as SummaryPreferences['language'] })}
          >
            {(Object.keys(PERSON_LANGUAGES) as PersonLanguage[]).map((code) => (
              <option key={code} value={code} lang={code}>
                {t(`languageName.${code}`)}
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
            <Trans t={t} i18nKey="lessonSummary" components={{ b: <strong /> }} />
          </span>
        </label>
        <ErrorBox error={save.error} />
      </div>
      <div className="card">
        <h2>{t('signIn')}</h2>
        <p>
          <Trans
            t={t}
            i18nKey="changePassword"
            components={{ a: <Link href="/platform/account/password" /> }}
          />
        </p>
      </div>
    </section>
  );
}
