// Change my password (from the account menu): the current one is required; every other device I am signed in on
// is signed out, this one stays.
import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { PageHeader } from '../../ui/Layout';
import { ErrorBox } from '../../ui/feedback';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

export default function ChangePassword() {
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
      <PageHeader title="Change password">
        Signing in elsewhere ends when you change it; you stay signed in here.
      </PageHeader>
      <form className="card" style={{ maxWidth: '32rem' }} onSubmit={submit} aria-label="Change password">
        {done && (
          <p className="notice notice-ok" role="status" data-testid="password-changed">
            Your password is changed. Your other devices are signed out.
          </p>
        )}
        <ErrorBox error={action.error} />
        <label className="field">
          <span>Current password</span>
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
          {action.pending ? 'Saving…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
