// The live room route (/room/:liveSessionId): the pre-join screen, then the room itself. The socket, the mesh and
// the camera live in a RoomSession made at the moment of joining; React only shows them.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLocale } from '../i18n';
import { useMe } from '../lib/auth';
import { useApi } from '../lib/useApi';
import { sessionTitle, type ScheduleEntry } from '../lib/types';
import { LocalMedia } from './media/localMedia';
import { probe } from './probe';
import { roomIdForSession } from './rt/protocol';
import { RoomSession } from './rt/roomSession';
import { friendlyRoomError, RoomError, RoomSocket } from './rt/socket';
import { PreJoin, type JoinSettings } from './ui/PreJoin';
import { Room } from './ui/Room';
import './room.css';

type Stage =
  | { name: 'prejoin' }
  | { name: 'joining' }
  | { name: 'in'; session: RoomSession; speakerId: string | null }
  | { name: 'left' };

export default function RoomPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('room');
  const locale = useLocale();
  const liveSessionId = params.liveSessionId ?? params.id ?? '';
  const me = useMe();
  const info = useApi<ScheduleEntry>(`/api/live-sessions/${liveSessionId}`);
  const [stage, setStage] = useState<Stage>({ name: 'prejoin' });
  const [roomError, setRoomError] = useState<string | null>(null);
  const [prejoinKey, setPrejoinKey] = useState(0);

  useEffect(() => {
    if (info.error?.status === 404) setRoomError(friendlyRoomError(new RoomError('not_found', '')));
  }, [info.error]);

  // Leaving the page (another route, closing the tab) leaves the room and frees the camera.
  useEffect(() => {
    if (stage.name !== 'in') return;
    const leave = () => stage.session.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [stage]);

  const join = async (settings: JoinSettings) => {
    const p = probe();
    p.joinClickedAt = performance.now();
    p.marks = {};
    p.remoteFrameAt = {};
    setRoomError(null);
    setStage({ name: 'joining' });
    const local = new LocalMedia(settings.stream, {
      muted: settings.muted,
      cameraOff: settings.cameraOff,
      name: me.name,
    });
    const socket = new RoomSocket(roomIdForSession(liveSessionId), !settings.cameraOff);
    try {
      const joined = await socket.join();
      probe().joinedAt = performance.now();
      setStage({
        name: 'in',
        session: new RoomSession(socket, joined, local, me.timeZone),
        speakerId: settings.speakerId,
      });
    } catch (e) {
      socket.close();
      local.close();
      setRoomError(friendlyRoomError(e));
      setPrejoinKey((k) => k + 1);
      setStage({ name: 'prejoin' });
    }
  };

  const entry = info.data;
  const title = entry ? sessionTitle(entry) : t('page.liveSession');

  if (stage.name === 'in')
    return (
      <Room
        session={stage.session}
        entry={entry ?? null}
        title={title}
        liveSessionId={liveSessionId}
        speakerId={stage.speakerId}
        timeZone={me.timeZone}
        onLeft={() => setStage({ name: 'left' })}
        onSessionChanged={info.reload}
      />
    );

  if (stage.name === 'left')
    return (
      <main className="prejoin">
        <section className="prejoin-card">
          <h1>{t('page.left')}</h1>
          <p className="muted">{title}</p>
          <div className="prejoin-actions">
            <a className="btn" href="/platform/schedule">
              {t('page.backToSchedule')}
            </a>
            <button type="button" className="btn btn-primary" onClick={() => setStage({ name: 'prejoin' })}>
              {t('page.rejoin')}
            </button>
          </div>
        </section>
      </main>
    );

  return (
    <PreJoin
      key={prejoinKey}
      title={title}
      subtitle={subtitle(t, locale, entry, me.timeZone)}
      joining={stage.name === 'joining'}
      roomError={roomError}
      onJoin={(s) => void join(s)}
    />
  );
}

function subtitle(t: TFunction<'room'>, locale: string, entry: ScheduleEntry | undefined, timeZone: string) {
  if (!entry) return t('page.checkBefore');
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(entry.start));
  const minutes = entry.durationMinutes;
  return entry.teacherName
    ? t('page.whenWith', { when, teacher: entry.teacherName, minutes })
    : t('page.when', { when, minutes });
}
