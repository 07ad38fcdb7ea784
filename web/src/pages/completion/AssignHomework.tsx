// The dialog that assigns a lesson as homework to the students of a session.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction } from '../../lib/useApi';
import { isoToZoned, zonedToIso } from '../../lib/time';
import type { Course, ScheduleEntry } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import { lessonKindLabel } from './types';

export function AssignHomework({
  session,
  course,
  onClose,
  onDone,
}: {
  session: ScheduleEntry;
  course: Course | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('completion');
  const me = useMe();
  const students = session.participants.filter((p) => p.enrollmentId);
  const [who, setWho] = useState<string[]>(students.map((p) => p.enrollmentId!));
  const [lessonId, setLessonId] = useState('');
  const [when, setWhen] = useState(
    isoToZoned(new Date(Date.now() + 3 * 86_400_000).toISOString(), me.timeZone),
  );
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(async () => {
      for (const enrollmentId of who)
        await api.post(
          `/api/enrollments/${enrollmentId}/homework`,
          { courseLessonId: lessonId, scheduledFor: when ? zonedToIso(when, me.timeZone) : null },
          idempotencyKey(),
        );
      return true;
    });
    if (ok) onDone();
  };
  return (
    <Dialog title={t('completion.assign.title')} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('completion.assign.lesson')}</span>
          <select required value={lessonId} onChange={(e) => setLessonId(e.target.value)}>
            <option value="">{t('completion.assign.chooseLesson')}</option>
            {course?.lessons.map((l) => (
              <option key={l.id} value={l.id}>
                {t('completion.assign.option', {
                  position: l.position,
                  title: l.title,
                  kind: lessonKindLabel(t, l.kind),
                })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('completion.assign.doBy', { timeZone: me.timeZone })}</span>
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        {students.length > 1 && (
          <fieldset className="field">
            <legend>{t('completion.assign.students')}</legend>
            {students.map((p) => (
              <label className="check" key={p.studentId}>
                <input
                  type="checkbox"
                  checked={who.includes(p.enrollmentId!)}
                  onChange={(e) =>
                    setWho((w) =>
                      e.target.checked ? [...w, p.enrollmentId!] : w.filter((x) => x !== p.enrollmentId),
                    )
                  }
                />
                {p.name}
              </label>
            ))}
          </fieldset>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.close', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending || who.length === 0}>
            {t('completion.assign.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
