// The dialog that schedules the follow-up class (Continue Lesson, Next Lesson or another lesson).
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction } from '../../lib/useApi';
import { isoToZoned, zonedToIso } from '../../lib/time';
import type { ScheduleEntry } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import { lessonKindLabel, type NextSteps } from './types';

export type Choice = {
  suggestion: 'continue' | 'next' | 'other';
  courseLessonId: string | null;
  title: string;
};

export function ScheduleNext({
  session,
  steps,
  choice,
  onClose,
  onDone,
}: {
  session: ScheduleEntry;
  steps: NextSteps;
  choice: Choice;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('completion');
  const me = useMe();
  const week = new Date(new Date(session.start).getTime() + 7 * 86_400_000).toISOString();
  const [start, setStart] = useState(isoToZoned(week, me.timeZone));
  const [lessonId, setLessonId] = useState(choice.courseLessonId ?? '');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(
        `/api/live-sessions/${session.id}/next-steps/schedule`,
        {
          suggestion: choice.suggestion,
          courseLessonId: choice.suggestion === 'other' ? lessonId : null,
          start: zonedToIso(start, me.timeZone),
        },
        idempotencyKey(),
      ),
    );
    if (ok) onDone();
  };
  const title = t(`completion.schedule.${choice.suggestion}`);
  return (
    <Dialog title={title} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        {choice.suggestion === 'other' ? (
          <label className="field">
            <span>{t('completion.schedule.lesson')}</span>
            <select required value={lessonId} onChange={(e) => setLessonId(e.target.value)}>
              <option value="">{t('completion.schedule.chooseLesson')}</option>
              {steps.lessons.map((l) => (
                <option key={l.courseLessonId} value={l.courseLessonId}>
                  {t(l.assigned ? 'completion.schedule.optionAssigned' : 'completion.schedule.option', {
                    title: l.title,
                    type: lessonKindLabel(t, l.type),
                  })}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p>
            <Trans
              t={t}
              i18nKey="completion.schedule.sameLesson"
              values={{ title: choice.title }}
              components={{ strong: <strong /> }}
            />
          </p>
        )}
        <label className="field">
          <span>{t('completion.schedule.when', { timeZone: me.timeZone })}</span>
          <input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.close', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('completion.schedule.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
