// Duplicate a lesson: a new lesson in the same course (admins add lessons) with a copy of this content.
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/useApi';
import type { Course } from '../../lib/types';
import type { LessonDocument } from '../../../../contract/lessons';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';

type Props = { course: Course; lesson: Course['lessons'][number]; document: LessonDocument; onClose(): void };

export function DuplicateLesson({ course, lesson, document, onClose }: Props) {
  const [title, setTitle] = useState(`${lesson.title} (copy)`);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(async () => {
      const before = new Set(course.lessons.map((l) => l.id));
      const updated = await api.post<Course>(
        `/api/courses/${course.id}/lessons`,
        { title, kind: lesson.kind },
        idempotencyKey(),
      );
      const copy = updated.lessons.find((l) => !before.has(l.id));
      if (!copy) throw new Error('the new lesson is not in the course yet');
      await api.put(`/api/courses/${course.id}/lessons/${copy.id}/content`, document);
      return copy;
    });
    if (done) navigate(`/platform/courses/${course.id}/lessons/${done.id}/content`);
  };
  return (
    <Dialog title="Duplicate lesson" open onClose={onClose}>
      <form onSubmit={submit}>
        <p className="muted">
          A new {lesson.kind} lesson at the end of {course.name}, with this lesson’s saved content.
        </p>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>Title of the copy</span>
          <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            Duplicate
          </button>
        </div>
      </form>
    </Dialog>
  );
}
