// Short notices at the top of the room (editing turned on or off, a refused action, a large mesh); each fades
// after a few seconds and can be dismissed.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../rt/roomState';

type Props = { notices: Notice[]; meshWarning: string | null; onDismiss(id: number): void };

export function Notices({ notices, meshWarning, onDismiss }: Props) {
  const { t } = useTranslation('room');
  useEffect(() => {
    const timers = notices.map((n) => setTimeout(() => onDismiss(n.id), 8000));
    return () => timers.forEach(clearTimeout);
  }, [notices, onDismiss]);

  return (
    <div className="room-notices" aria-live="polite" role="status">
      {meshWarning && <p className="room-notice room-notice-warn">{meshWarning}</p>}
      {notices.map((n) => (
        <p key={n.id} className={`room-notice room-notice-${n.tone}`} data-testid="notice">
          {n.text}
          <button
            type="button"
            className="link-btn"
            aria-label={t('notice.dismiss')}
            onClick={() => onDismiss(n.id)}
          >
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}
