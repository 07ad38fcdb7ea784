// The session toolbar: title and status, the connection, the Lesson Library button (book icon), the students'
// avatars with their popovers, and the teacher's Start and End (which goes straight to the completion screen).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, idempotencyKey } from '../../lib/api';
import { navigate } from '../../lib/router';
import type { ScheduleEntry } from '../../lib/types';
import type { SocketStatus } from '../rt/socket';
import { ToolbarAvatars, type Person } from './Participants';

type Props = {
  title: string;
  entry: ScheduleEntry | null;
  liveSessionId: string;
  isHost: boolean;
  individual: boolean;
  students: Person[];
  canEdit: Record<string, boolean>;
  connection: SocketStatus;
  libraryOpen: boolean;
  onToggleLibrary(): void;
  onToggleEdit(personId: string, canEdit: boolean): void;
  onSessionChanged(): void;
  onBeforeEnd(): void;
  notify(tone: 'info' | 'warn' | 'ok', text: string): void;
};

const STATUSES = ['scheduled', 'active', 'ended', 'canceled'] as const;
type Status = (typeof STATUSES)[number];

export function Toolbar(p: Props) {
  const { t } = useTranslation('room');
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const status = p.entry?.status ?? 'scheduled';

  const lifecycle = async (action: 'start' | 'end') => {
    setBusy(true);
    try {
      await api.post(`/api/live-sessions/${p.liveSessionId}/${action}`, {}, idempotencyKey());
      if (action === 'end') {
        p.onBeforeEnd();
        navigate(`/platform/sessions/${p.liveSessionId}/complete`);
        return;
      }
      p.notify('ok', t('toolbar.started'));
      p.onSessionChanged();
    } catch (e) {
      p.notify(
        'warn',
        e instanceof ApiError ? e.detail : t(action === 'end' ? 'toolbar.notEnded' : 'toolbar.notStarted'),
      );
    } finally {
      setBusy(false);
      setConfirmEnd(false);
    }
  };

  return (
    <header className="room-toolbar">
      <div className="toolbar-title">
        <a href="/platform/schedule" className="link-btn" aria-label={t('toolbar.back')}>
          ←
        </a>
        <h1>{p.title}</h1>
        <span className={`badge badge-${status === 'active' ? 'warn' : 'info'}`} data-testid="session-status">
          {(STATUSES as readonly string[]).includes(status)
            ? t(`toolbar.status.${status as Status}`)
            : status}
        </span>
        {p.connection !== 'open' && (
          <span className="badge badge-bad" role="status">
            {p.connection === 'reconnecting' ? t('toolbar.reconnecting') : t('toolbar.offline')}
          </span>
        )}
      </div>
      <div className="toolbar-actions">
        {p.isHost && p.individual && p.entry?.enrollmentId && (
          <button
            type="button"
            className={`btn btn-small ${p.libraryOpen ? 'btn-on' : ''}`}
            onClick={p.onToggleLibrary}
            aria-pressed={p.libraryOpen}
            data-testid="library-button"
          >
            <BookIcon /> {t('toolbar.library')}
          </button>
        )}
        {p.individual && (
          <ToolbarAvatars
            people={p.students}
            canEdit={p.canEdit}
            isHost={p.isHost}
            onToggle={p.onToggleEdit}
          />
        )}
        {p.isHost && status === 'scheduled' && (
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy}
            onClick={() => void lifecycle('start')}
            data-testid="start-session"
          >
            {t('toolbar.start')}
          </button>
        )}
        {p.isHost && status === 'active' && !confirmEnd && (
          <button
            type="button"
            className="btn btn-danger btn-small"
            disabled={busy}
            onClick={() => setConfirmEnd(true)}
            data-testid="end-session"
          >
            {t('toolbar.end')}
          </button>
        )}
        {confirmEnd && (
          <span className="confirm" role="group" aria-label={t('toolbar.confirmLabel')}>
            {t('toolbar.confirm')}
            <button
              type="button"
              className="btn btn-danger btn-small"
              disabled={busy}
              onClick={() => void lifecycle('end')}
              data-testid="end-session-confirm"
            >
              {t('toolbar.endNow')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirmEnd(false)}>
              {t('toolbar.keepTeaching')}
            </button>
          </span>
        )}
      </div>
    </header>
  );
}

const BookIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="16"
    height="16"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="M4 19.5v-15A2.5 2.5 0 0 1 6.5 2H20v20H6.5a2.5 2.5 0 0 1 0-5H20" />
  </svg>
);
