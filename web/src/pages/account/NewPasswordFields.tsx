// A new password typed twice, with the rules shown as the person types (the server checks them again).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('account');
  return (
    <>
      <label className="field">
        <span>{t('newPassword.label')}</span>
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
        {password && !long
          ? t('newPassword.ruleSoFar', { count: MIN_PASSWORD_LENGTH, typed: password.length })
          : t('newPassword.rule', { count: MIN_PASSWORD_LENGTH })}
      </p>
      <label className="field">
        <span>{t('newPassword.again')}</span>
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
          {t('newPassword.differ')}
        </p>
      )}
    </>
  );
}
