// An online training event's live room (/training-room/:trainingEventId, room `te-<id>`): the pre-join screen,
// then video, chat and polls with the call controls. Its trainers host it; its registered learners take part, and
// being here once the event has started records their attendance (source "presence"). The event's name and time
// come from the person's own training events (/api/me/training-events).
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth';
import { useApi } from '../../lib/useApi';
import { formatDateTime, formatTime } from '../../lib/time';
import type { TrainerEvent } from '../../../../contract/trainings';
import { LocalMedia } from '../../room/media/localMedia';
import { RoomSession } from '../../room/rt/roomSession';
import { friendlyRoomError, RoomError, RoomSocket } from '../../room/rt/socket';
import { PreJoin, type JoinSettings } from '../../room/ui/PreJoin';
import { VideoDock } from '../../room/ui/VideoDock';
import { SidePanel } from '../../room/ui/SidePanel';
import { Notices } from '../../room/ui/Notices';
import { TrainingRoomControls } from './TrainingRoomControls';
import '../../room/room.css';

type Stage =
  | { name: 'prejoin' }
  | { name: 'joining' }
  | { name: 'in'; session: RoomSession; speakerId: string | null }
  | { name: 'left' };

export default function TrainingRoomPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('room');
  const trainingEventId = params.trainingEventId ?? '';
  const me = useMe();
  const events = useApi<TrainerEvent[]>('/api/me/training-events');
  const event = events.data?.find((e) => e.id === trainingEventId);
  const [stage, setStage] = useState<Stage>({ name: 'prejoin' });
  const [roomError, setRoomError] = useState<string | null>(null);
  const [prejoinKey, setPrejoinKey] = useState(0);

  useEffect(() => {
    if (events.data && !event) setRoomError(friendlyRoomError(new RoomError('not_found', '')));
  }, [events.data, event]);

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
    setRoomError(null);
    setStage({ name: 'joining' });
    const local = new LocalMedia(settings.stream, {
      muted: settings.muted,
      cameraOff: settings.cameraOff,
      name: me.name,
    });
    const socket = new RoomSocket(`te-${trainingEventId}`, !settings.cameraOff);
    try {
      const joined = await socket.join();
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

  const title = event ? `${event.trainingName} · ${event.sectionName}` : t('training.event');

  if (stage.name === 'in')
    return (
      <TrainingRoom
        session={stage.session}
        title={title}
        speakerId={stage.speakerId}
        timeZone={me.timeZone}
        onLeft={() => setStage({ name: 'left' })}
      />
    );

  if (stage.name === 'left')
    return (
      <main className="prejoin">
        <section className="prejoin-card">
          <h1>{t('page.left')}</h1>
          <p className="muted">{title}</p>
          <div className="prejoin-actions">
            <a className="btn" href="/platform/trainings">
              {t('training.back')}
            </a>
            <button type="button" className="btn btn-primary" onClick={() => setStage({ name: 'prejoin' })}>
              {t('page.rejoin')}
            </button>
          </div>
        </section>
      </main>
    );

  const subtitle = event
    ? t(me.role === 'student' ? 'training.whenLearner' : 'training.when', {
        start: formatDateTime(event.start, me.timeZone),
        end: formatTime(event.end, me.timeZone),
      })
    : t('page.checkBefore');
  return (
    <PreJoin
      key={prejoinKey}
      title={title}
      subtitle={subtitle}
      joining={stage.name === 'joining'}
      roomError={roomError}
      onJoin={(s) => void join(s)}
    />
  );
}

function TrainingRoom({
  session,
  title,
  speakerId,
  timeZone,
  onLeft,
}: {
  session: RoomSession;
  title: string;
  speakerId: string | null;
  timeZone: string;
  onLeft(): void;
}) {
  const { t } = useTranslation('room');
  const { room, media, local, connection, sfu } = useSyncExternalStore(
    session.subscribe,
    session.getSnapshot,
  );
  const isHost = room.self.roomRole === 'host';
  const nameOf = useCallback(
    (personId: string) =>
      room.peers.find((p) => p.personId === personId)?.name ??
      (personId === room.self.personId ? room.self.name : t('someone')),
    [room.peers, room.self, t],
  );
  const tileSize = useCallback(
    (tileId: string, height: number) => session.sfu?.tileSize(tileId, height),
    [session],
  );
  const leave = () => {
    session.leave();
    onLeft();
  };
  return (
    <div
      className="room"
      data-testid="training-room"
      data-connection={connection}
      data-role={room.self.roomRole}
    >
      <header className="room-toolbar">
        <div className="toolbar-title">
          <a href="/platform/trainings" className="link-btn" aria-label={t('training.back')}>
            ←
          </a>
          <h1>{title}</h1>
          {connection !== 'open' && (
            <span className="badge badge-bad" role="status">
              {connection === 'reconnecting' ? t('toolbar.reconnecting') : t('toolbar.offline')}
            </span>
          )}
        </div>
        <div className="toolbar-actions">
          <span className="muted" data-testid="training-room-people">
            {t('training.people', { count: room.peers.length + 1 })}
          </span>
        </div>
      </header>
      <Notices
        notices={room.notices}
        meshWarning={room.meshWarning}
        onDismiss={(id) => session.dismiss(id)}
      />
      <div className="room-body">
        <main className="stage" id="main">
          <VideoDock
            self={{
              name: room.self.name,
              preview: local.preview,
              muted: local.muted,
              cameraOn: local.cameraOn,
              sharing: local.sharing,
            }}
            peers={room.peers}
            media={media}
            speakerId={speakerId}
            sfu={sfu}
            isHost={isHost}
            onTileSize={tileSize}
            onHostAction={(a) =>
              session.send(
                'mute' in a
                  ? { type: 'sfu.mute', personId: a.personId }
                  : { type: 'sfu.allow', personId: a.personId, video: a.video },
              )
            }
          />
        </main>
        <SidePanel
          speaking={null}
          chat={room.chat}
          polls={room.polls}
          isHost={isHost}
          selfPersonId={room.self.personId}
          timeZone={timeZone}
          nameOf={nameOf}
          send={(m) => session.send(m)}
        />
      </div>
      <TrainingRoomControls session={session} local={local} onLeave={leave} />
    </div>
  );
}
