// A new password typed twice, with the rules shown as the person types (the server checks them again).
import { useState } from 'react';

export const MIN_PASSWORD_LENGTH = 10;

export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const long = password.length >= MIN_PASSWORD_LENGTH;
  const same = password === repeat;
  return { password, setPassword, repeat, setRepeat, long, same, ready: long && same };
}

type Props = ReturnType<typeof useNewPassword>;

export function NewPasswordFields({ password, setPassword, repeat, setRepeat, long, same }: Props) {
  return (
    <>
      <label className="field">
        <span>New password</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={200}
          aria-describedby="new-password-rule"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <p className="hint" id="new-password-rule">
        At least {MIN_PASSWORD_LENGTH} characters{password && !long ? ` (${password.length} so far)` : ''}.
      </p>
      <label className="field">
        <span>New password again</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          maxLength={200}
          aria-invalid={repeat !== '' && !same}
          aria-describedby="repeat-rule"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </label>
      {repeat !== '' && !same && (
        <p className="hint" id="repeat-rule" role="status">
          The two passwords differ.
        </p>
      )}
    </>
  );
}
