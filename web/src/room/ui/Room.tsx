// Inside the room: the toolbar on top, the video dock above the shared content (lesson document or whiteboard),
// the chat and polls on the right, the Lesson Library on the left when open, and the call controls below.
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { ScheduleEntry } from '../../lib/types';
import type { RoomSession } from '../rt/roomSession';
import { Content } from '../docs/Content';
import { Controls } from './Controls';
import { LessonLibrary } from './LessonLibrary';
import { Notices } from './Notices';
import { ParticipantBar, studentsOf } from './Participants';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';
import { VideoDock } from './VideoDock';
import { SpeakingBalance } from '../speaking/SpeakingBalance';
import { useSpeakingBalance, useSpeakingReports } from '../speaking/useSpeakingTime';

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
  const { room, media, local, connection, sfu } = useSyncExternalStore(
    session.subscribe,
    session.getSnapshot,
  );
  const [libraryOpen, setLibraryOpen] = useState(false);
  const isHost = room.self.roomRole === 'host';
  useSpeakingReports(`ls-${liveSessionId}`, session.local.stream);
  const speaking = useSpeakingBalance(`ls-${liveSessionId}`, isHost);
  const individual = entry?.kind !== 'group';
  const students = studentsOf(entry?.participants ?? [], room.peers, { ...room.self, audio: !local.muted });

  const nameOf = useCallback(
    (personId: string) =>
      room.peers.find((p) => p.personId === personId)?.name ??
      entry?.participants.find((p) => p.studentId === personId)?.name ??
      (personId === room.self.personId ? room.self.name : 'Someone'),
    [room.peers, room.self, entry],
  );

  const tileSize = useCallback(
    (tileId: string, height: number) => session.sfu?.tileSize(tileId, height),
    [session],
  );
  const toggleEdit = (personId: string, canEdit: boolean) =>
    session.send({ type: 'permission.set', personId, canEdit });
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
      <div className="room-body">
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
      <Controls session={session} local={local} sfu={sfu} onLeave={leave} />
    </div>
  );
}
