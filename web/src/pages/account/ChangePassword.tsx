// Change my password (from the account menu): the current one is required; every other device I am signed in on
// is signed out, this one stays.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { PageHeader } from '../../ui/Layout';
import { ErrorBox } from '../../ui/feedback';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

export default function ChangePassword() {
  const { t } = useTranslation('account');
  const [current, setCurrent] = useState('');
  const fields = useNewPassword();
  const action = useAction();
  const [done, setDone] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!fields.ready) return;
    setDone(false);
    void action
      .run(() =>
        api.post('/api/auth/change-password', { currentPassword: current, newPassword: fields.password }),
      )
      .then((ok) => {
        if (!ok) return;
        setDone(true);
        setCurrent('');
        fields.setPassword('');
        fields.setRepeat('');
      });
  };
  return (
    <section>
      <PageHeader title={t('change.title')}>{t('change.intro')}</PageHeader>
      <form className="card" style={{ maxWidth: '32rem' }} onSubmit={submit} aria-label={t('change.title')}>
        {done && (
          <p className="notice notice-ok" role="status" data-testid="password-changed">
            {t('change.done')}
          </p>
        )}
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('change.current')}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <NewPasswordFields {...fields} />
        <button
          className="btn btn-primary"
          type="submit"
          disabled={action.pending || !fields.ready || !current}
        >
          {action.pending ? t('change.pending') : t('change.submit')}
        </button>
      </form>
    </section>
  );
}
