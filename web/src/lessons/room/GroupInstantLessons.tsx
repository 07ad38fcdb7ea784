// Instant lessons in a group session: the teacher makes one for this session and shows it to the group (everyone
// follows, answers its exercises in the Exercises tab), then returns to the session lesson.
import { useState, type FormEvent } from 'react';
import type { CurrentLesson } from '../../room/rt/protocol';
import type { RoomSession } from '../../room/rt/roomSession';

type Props = { session: RoomSession; lesson: CurrentLesson };

export function GroupInstantLessons({ session, lesson }: Props) {
  const [title, setTitle] = useState('');
  const create = (e: FormEvent) => {
    e.preventDefault();
    const t = title.trim();
    if (!t) return;
    session.send({ type: 'lesson.instant', title: t });
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
          Show “{l.title}” to the group
        </button>
      ))}
      <form className="row-tight" onSubmit={create}>
        <input
          value={title}
          maxLength={200}
          placeholder="Instant lesson title"
          aria-label="Instant lesson title"
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" className="btn btn-small" disabled={!title.trim()}>
          Create Instant Lesson
        </button>
      </form>
    </div>
  );
}
