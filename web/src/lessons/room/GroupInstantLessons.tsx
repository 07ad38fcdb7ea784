// Instant lessons in a group session: the teacher makes one for this session and shows it to the group (everyone
// follows, answers its exercises in the Exercises tab), then returns to the session lesson.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentLesson } from '../../room/rt/protocol';
import type { RoomSession } from '../../room/rt/roomSession';

type Props = { session: RoomSession; lesson: CurrentLesson };

export function GroupInstantLessons({ session, lesson }: Props) {
  const { t } = useTranslation('lessons');
  const [title, setTitle] = useState('');
  const create = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return;
    session.send({ type: 'lesson.instant', title: trimmed });
    setTitle('');
  };
  return (
    <div className="row-tight group-instant" data-testid="group-instant-lessons">
      {lesson.instantLessons.map((l) => (
        <button
          key={l.lessonId}
          type="button"
          className="btn btn-small"
          disabled={lesson.current?.lessonId === l.lessonId}
          onClick={() => session.send({ type: 'lesson.switch', lessonId: l.lessonId })}
        >
          {t('room.showInstant', { title: l.title })}
        </button>
      ))}
      <form className="row-tight" onSubmit={create}>
        <input
          value={title}
          maxLength={200}
          placeholder={t('room.instantTitle')}
          aria-label={t('room.instantTitle')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" className="btn btn-small" disabled={!title.trim()}>
          {t('room.createInstant')}
        </button>
      </form>
    </div>
  );
}
