// Sign in with e-mail and password; the API's error detail is shown as it is.
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useAuth } from '../lib/auth';
import { useAction } from '../lib/useApi';
import { ErrorBox } from '../ui/feedback';

export default function SignIn() {
  const { t } = useTranslation('account');
  const { signIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(() => signIn(email, password));
  };
  return (
    <main className="signin" id="main">
      <form className="card signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="brand brand-large">Lectern</div>
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('signIn.email')}</span>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button className="btn btn-primary" type="submit" disabled={action.pending}>
          {action.pending ? t('signIn.pending') : t('signIn.submit')}
        </button>
        <p className="hint">
          <Trans t={t} i18nKey="signIn.hint" components={{ code: <code /> }} />
        </p>
      </form>
    </main>
  );
}
