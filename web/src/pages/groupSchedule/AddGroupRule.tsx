// The "Add recurring class" dialog of a student group: course, teacher (admins choose; a teacher teaches their
// own), weekdays, time, length and first date. Saving schedules the coming weeks and says what it did.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import { DAYS, useDayName } from '../enrollment/weekdays';
import { SkippedDates, type Skip } from '../enrollment/SkippedDates';

type Report = { scheduled: unknown[]; skipped: Skip[] };
type Named = { id: string; name: string; role?: string; active?: boolean };

export function AddGroupRule({
  groupId,
  onClose,
  onDone,
}: {
  groupId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['groupSchedule', 'common']);
  const dayName = useDayName();
  const me = useMe();
  const admin = me.role === 'admin';
  const courses = useApi<{ courses: Named[] }>('/api/courses');
  const people = useApi<{ people: Named[] }>(admin ? '/api/people' : null);
  const teachers = (people.data?.people ?? []).filter((p) => p.role !== 'student' && p.active !== false);
  const [courseId, setCourseId] = useState('');
  const [teacherId, setTeacherId] = useState(admin ? '' : me.id);
  const [days, setDays] = useState<string[]>([]);
  const [time, setTime] = useState('17:00');
  const [minutes, setMinutes] = useState('60');
  const [startsOn, setStartsOn] = useState('');
  const [report, setReport] = useState<Report>();
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      courseId,
      teacherId: teacherId || null,
      weekdays: days,
      time,
      timeZone: me.timeZone,
      durationMinutes: Number(minutes),
      startsOn: startsOn || null,
    };
    const r = await action.run(() =>
      api.post<Report>(`/api/groups/${groupId}/schedule-rules`, body, idempotencyKey()),
    );
    if (r) setReport(r);
  };
  return (
    <Dialog title={t('add')} open onClose={report ? onDone : onClose}>
      {report ? (
        <div>
          <p role="status">{t('saved', { count: report.scheduled.length })}</p>
          {report.skipped.length > 0 && (
            <>
              <p>{t('skipped', { count: report.skipped.length })}</p>
              <SkippedDates skipped={report.skipped} timeZone={me.timeZone} />
            </>
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onDone}>
              {t('done')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <ErrorBox error={action.error ?? courses.error ?? people.error} />
          <label className="field">
            <span>{t('form.course')}</span>
            <select required value={courseId} onChange={(e) => setCourseId(e.target.value)}>
              <option value="">{t('form.choose')}</option>
              {courses.data?.courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {admin && (
            <label className="field">
              <span>{t('form.teacher')}</span>
              <select required value={teacherId} onChange={(e) => setTeacherId(e.target.value)}>
                <option value="">{t('form.choose')}</option>
                {teachers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset className="field">
            <legend>{t('form.days')}</legend>
            <div className="chips">
              {DAYS.map((k) => (
                <label className="chip" key={k}>
                  <input
                    type="checkbox"
                    checked={days.includes(k)}
                    onChange={(e) =>
                      setDays((d) => (e.target.checked ? [...d, k] : d.filter((x) => x !== k)))
                    }
                  />
                  {dayName(k)}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="field">
            <span>{t('form.time', { timeZone: me.timeZone })}</span>
            <input type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('form.minutes')}</span>
            <input
              type="number"
              min={5}
              max={480}
              required
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('form.startsOn')}</span>
            <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('action.cancel', { ns: 'common' })}
            </button>
            <button className="btn btn-primary" disabled={days.length === 0 || action.pending}>
              {t('form.save')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
