// Inside the room: the toolbar on top, the video dock above the shared content (lesson document or whiteboard),
// the chat and polls on the right, the Lesson Library on the left when open, and the call controls below.
// Raised hands queue under the notices, reactions float over the stage, and the keyboard shortcuts work anywhere
// in the room (help with "?"). On a phone the video, the lesson and the chat each take the screen, behind tabs.
import { useCallback, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleEntry } from '../../lib/types';
import type { RoomSession } from '../rt/roomSession';
import { Content } from '../docs/Content';
import { Controls, toggleCamera } from './Controls';
import { LessonLibrary } from './LessonLibrary';
import { Notices } from './Notices';
import { ParticipantBar, studentsOf } from './Participants';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';
import { VideoDock } from './VideoDock';
import { SpeakingBalance } from '../speaking/SpeakingBalance';
import { useSpeakingBalance, useSpeakingReports } from '../speaking/useSpeakingTime';
import { useLowerHandWhenSpeaking } from '../speaking/useLowerHandWhenSpeaking';
import { RaisedHands, handsOf } from './RaisedHands';
import { FloatingReactions } from './Reactions';
import { ShortcutHelp } from './ShortcutHelp';
import { useRoomShortcuts } from './shortcuts';

type PhoneView = 'video' | 'lesson' | 'chat';
const PHONE_VIEWS: PhoneView[] = ['video', 'lesson', 'chat'];

type Props = {
  session: RoomSession;
  entry: ScheduleEntry | null;
  title: string;
  liveSessionId: string;
  speakerId: string | null;
  timeZone: string;
  onLeft(): void;
  onSessionChanged(): void;
};

export function Room({
  session,
  entry,
  title,
  liveSessionId,
  speakerId,
  timeZone,
  onLeft,
  onSessionChanged,
}: Props) {
  const { t } = useTranslation('room');
  const { room, media, local, connection, sfu } = useSyncExternalStore(
    session.subscribe,
    session.getSnapshot,
  );
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [phoneView, setPhoneView] = useState<PhoneView>('video');
  const handUp = !!room.self.handRaisedAt;
  const isHost = room.self.roomRole === 'host';
  useSpeakingReports(`ls-${liveSessionId}`, session.local.stream);
  const speaking = useSpeakingBalance(`ls-${liveSessionId}`, isHost);
  const individual = entry?.kind !== 'group';
  const students = studentsOf(
    entry?.participants ?? [],
    room.peers,
    { ...room.self, audio: !local.muted },
    t('student'),
  );

  const nameOf = useCallback(
    (personId: string) =>
      room.peers.find((p) => p.personId === personId)?.name ??
      entry?.participants.find((p) => p.studentId === personId)?.name ??
      (personId === room.self.personId ? room.self.name : t('someone')),
    [room.peers, room.self, entry, t],
  );

  const tileSize = useCallback(
    (tileId: string, height: number) => session.sfu?.tileSize(tileId, height),
    [session],
  );
  const toggleEdit = (personId: string, canEdit: boolean) =>
    session.send({ type: 'permission.set', personId, canEdit });
  useRoomShortcuts((action) => {
    if (action === 'mic' && session.local.hasMicrophone) session.local.setMuted(!local.muted);
    if (action === 'camera') void toggleCamera(session, local);
    if (action === 'hand') session.toggleHand();
    if (action === 'help') setHelpOpen(true);
  });
  // Having spoken for a moment, a raised hand goes down by itself: the person has the floor.
  useLowerHandWhenSpeaking(session.local.stream, handUp, local.muted, () => session.lowerHand());
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const leave = () => {
    session.leave();
    onLeft();
  };

  return (
    <div className="room" data-testid="room" data-connection={connection} data-role={room.self.roomRole}>
      <Toolbar
        title={title}
        entry={entry}
        liveSessionId={liveSessionId}
        isHost={isHost}
        individual={individual}
        students={students}
        canEdit={room.canEdit}
        connection={connection}
        libraryOpen={libraryOpen}
        onToggleLibrary={() => setLibraryOpen((o) => !o)}
        onToggleEdit={toggleEdit}
        onSessionChanged={onSessionChanged}
        onBeforeEnd={() => session.leave()}
        notify={(tone, text) => session.notify(tone, text)}
      />
      {!individual && students.length > 0 && (
        <ParticipantBar people={students} canEdit={room.canEdit} isHost={isHost} onToggle={toggleEdit} />
      )}
      <Notices
        notices={room.notices}
        meshWarning={room.meshWarning}
        onDismiss={(id) => session.dismiss(id)}
      />
      <RaisedHands
        hands={handsOf(room.peers, room.self)}
        isHost={isHost}
        onLower={(peerId) => session.lowerHand(peerId ?? undefined)}
      />
      <nav className="room-phone-tabs" aria-label={t('views.label')}>
        {PHONE_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            aria-pressed={phoneView === view}
            onClick={() => setPhoneView(view)}
            data-testid={`phone-tab-${view}`}
          >
            {t(`views.${view}`)}
          </button>
        ))}
      </nav>
      <div className="room-body" data-phone-view={phoneView}>
        {libraryOpen && isHost && individual && entry?.enrollmentId && (
          <LessonLibrary
            enrollmentId={entry.enrollmentId}
            courseId={entry.courseId}
            currentLessonId={room.lesson.current?.lessonId ?? null}
            sessionLessonId={room.lesson.sessionLessonId}
            onOpenHere={(lessonId) => session.send({ type: 'lesson.switch', lessonId })}
            onCreateInstant={(t) => session.send({ type: 'lesson.instant', title: t })}
            onClose={() => setLibraryOpen(false)}
          />
        )}
        <main className="stage" id="main">
          <FloatingReactions reactions={room.reactions} selfPersonId={room.self.personId} />
          <VideoDock
            self={{
              name: room.self.name,
              preview: local.preview,
              muted: local.muted,
              cameraOn: local.cameraOn,
              sharing: local.sharing,
              handUp,
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
          <Content
            session={session}
            lesson={room.lesson}
            canEdit={isHost || !!room.canEdit[room.self.personId]}
            isHost={isHost}
            individual={individual}
            selfName={room.self.name}
            enrollmentId={entry?.enrollmentId ?? null}
            liveSessionId={entry?.courseLessonId ? liveSessionId : undefined}
            nameOf={nameOf}
          />
        </main>
        <SidePanel
          speaking={isHost ? <SpeakingBalance balance={speaking} /> : null}
          chat={room.chat}
          polls={room.polls}
          isHost={isHost}
          selfPersonId={room.self.personId}
          timeZone={timeZone}
          nameOf={nameOf}
          send={(m) => session.send(m)}
        />
      </div>
      <Controls
        session={session}
        local={local}
        sfu={sfu}
        handUp={handUp}
        onLeave={leave}
        onHelp={() => setHelpOpen(true)}
      />
      {helpOpen && <ShortcutHelp onClose={closeHelp} />}
    </div>
  );
}
