// The keyboard shortcuts of the room, opened with "?" or the keyboard button in the controls.
import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { shortcutKeys } from './shortcuts';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('room');
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="shortcut-backdrop" onClick={onClose}>
      <div
        className="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-title"
        data-testid="shortcut-help"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcut-title">{t('shortcuts.title')}</h2>
        <table>
          <tbody>
            {shortcutKeys().map(({ action, keys: [first, second] }) => (
              <tr key={action}>
                <td>{t(`shortcuts.${action}`)}</td>
                <td>
                  {second ? (
                    <Trans
                      t={t}
                      i18nKey="shortcuts.eitherKeys"
                      values={{ first, second }}
                      components={{ k: <kbd /> }}
                    />
                  ) : (
                    <kbd>{first}</kbd>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t('shortcuts.note')}</p>
        <button ref={close} type="button" className="btn" onClick={onClose} data-testid="shortcut-help-close">
          {t('action.close', { ns: 'common' })}
        </button>
      </div>
    </div>
  );
}
