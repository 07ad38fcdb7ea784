// The lesson's exercises in the live room (the session lesson, or an instant lesson the teacher shows). Students
// answer in place and see their own results; the teacher sees each student's progress, reloaded when the room
// says answers changed (answers.changed over the room's WebSocket), grades essays and reveals the answers.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomSocket } from '../../room/rt/socket';
import { useLessonPlace } from '../useLessonPlace';
import { toStudentView } from '../studentView';
import { LessonView } from '../view/LessonView';
import { StudentProgress } from '../progress/StudentProgress';
import { ErrorBox, Loading } from '../../ui/feedback';
import { useAction } from '../../lib/useApi';
import '../lessons.css';

type Props = {
  /** `/api/live-sessions/:id` or `/api/rooms/:roomId/instant-lessons/:lessonId`. */
  base: string;
  isHost: boolean;
  nameOf(personId: string): string;
  /** The room's socket: its answers.changed messages reload the answers. */
  socket?: RoomSocket;
};

export default function RoomExercises({ base, isHost, nameOf, socket }: Props) {
  const { t } = useTranslation(['lessons', 'common']);
  const place = useLessonPlace(base);
  const { reload } = place;
  useEffect(() => socket?.on((m) => void (m.type === 'answers.changed' && reload())), [socket, reload]);
  const reveal = useAction();
  const [confirming, setConfirming] = useState(false);
  const { content, answers, error } = place;
  if (error?.status === 409)
    return <p className="muted room-exercises">{t('room.noExercises', { detail: error.detail })}</p>;
  if (error && !content) return <ErrorBox error={error} onRetry={() => void place.reload()} />;
  if (!content || !answers) return <Loading label={t('room.loading')} />;
  const view = toStudentView(content.document, answers.key);
  const hasExercises = view.blocks.some((b) => b.type !== 'text' && b.type !== 'vocabulary');

  if (!isHost)
    return (
      <div className="room-exercises" data-testid="room-exercises">
        {answers.revealed && <p role="status">{t('room.revealedNotice')}</p>}
        <LessonView
          document={view}
          answers={answers.students[0]?.answers ?? []}
          keys={answers.revealed ? answers.key : null}
          onSubmit={place.submit}
          closed={answers.revealed ? t('room.closed') : null}
        />
      </div>
    );

  return (
    <div className="room-exercises" data-testid="room-exercises">
      <div className="card-head">
        <h2>{t('room.progress')}</h2>
        {hasExercises && !answers.revealed && (
          <div className="row-tight">
            {confirming ? (
              <>
                <span>{t('room.revealConfirm')}</span>
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  disabled={reveal.pending}
                  onClick={() =>
                    void reveal.run(() => place.write('/answers/reveal')).then(() => setConfirming(false))
                  }
                >
                  {t('room.revealNow')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                  {t('action.cancel', { ns: 'common' })}
                </button>
              </>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
                {t('room.reveal')}
              </button>
            )}
          </div>
        )}
        {answers.revealed && <span className="muted">{t('room.revealed')}</span>}
      </div>
      <ErrorBox error={reveal.error} />
      <p className="muted">{t('room.updates')}</p>
      <StudentProgress
        view={view}
        answers={answers}
        nameOf={nameOf}
        onGrade={(studentId, exerciseId, points, comment) =>
          place.write(`/students/${studentId}/answers/${exerciseId}/grade`, { points, comment })
        }
      />
      <details>
        <summary>{t('room.asStudentsSee')}</summary>
        <LessonView document={view} keys={answers.key} />
      </details>
    </div>
  );
}
