// The page of a one-time link (an invitation, a password reset, or the first admin's link from `npm run setup`):
// choose a password, and be signed in. The token travels in the URL's fragment, so it never reaches a server log.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAuth, type Me } from '../../lib/auth';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

export default function SetPassword() {
  const { t } = useTranslation('account');
  const { adopt } = useAuth();
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  const fields = useNewPassword();
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!fields.ready) return;
    void action
      .run(() => api.post<Me>('/api/auth/set-password', { token, password: fields.password }))
      .then((me) => {
        if (!me) return;
        adopt(me);
        navigate('/platform/schedule', { replace: true });
      });
  };
  return (
    <main className="signin" id="main">
      <form className="card signin-card" onSubmit={submit} aria-labelledby="set-password-title">
        <div className="brand brand-large">Lectern</div>
        <h1 id="set-password-title">{t('set.title')}</h1>
        {!token ? (
          <p role="alert">{t('set.noToken')}</p>
        ) : (
          <>
            <ErrorBox error={action.error} />
            <NewPasswordFields {...fields} />
            <button className="btn btn-primary" type="submit" disabled={action.pending || !fields.ready}>
              {action.pending ? t('set.pending') : t('set.submit')}
            </button>
            <p className="hint">{t('set.once')}</p>
          </>
        )}
      </form>
    </main>
  );
}
