// Duplicate a lesson: a new lesson in the same course (admins add lessons) with a copy of this content.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/useApi';
import type { Course } from '../../lib/types';
import type { LessonDocument } from '../../../../contract/lessons';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';

type Props = { course: Course; lesson: Course['lessons'][number]; document: LessonDocument; onClose(): void };

export function DuplicateLesson({ course, lesson, document, onClose }: Props) {
  const { t } = useTranslation(['lessons', 'common']);
  const [title, setTitle] = useState(() => t('editor.duplicate.copyTitle', { title: lesson.title }));
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
      if (!copy) throw new Error(t('editor.duplicate.notInCourse'));
      await api.put(`/api/courses/${course.id}/lessons/${copy.id}/content`, document);
      return copy;
    });
    if (done) navigate(`/platform/courses/${course.id}/lessons/${done.id}/content`);
  };
  const intro =
    lesson.kind === 'class' || lesson.kind === 'homework' || lesson.kind === 'independent'
      ? t(`editor.duplicate.intro.${lesson.kind}`, { course: course.name })
      : t('editor.duplicate.intro.other', { kind: lesson.kind, course: course.name });
  return (
    <Dialog title={t('editor.duplicate.title')} open onClose={onClose}>
      <form onSubmit={submit}>
        <p className="muted">{intro}</p>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('editor.duplicate.titleOfCopy')}</span>
          <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('editor.duplicate.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
