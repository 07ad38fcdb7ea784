// The dialog that schedules the follow-up class (Continue Lesson, Next Lesson or another lesson).
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction } from '../../lib/useApi';
import { isoToZoned, zonedToIso } from '../../lib/time';
import type { ScheduleEntry } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import type { NextSteps } from './types';

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
  const title =
    choice.suggestion === 'continue'
      ? 'Continue Lesson'
      : choice.suggestion === 'next'
        ? 'Next Lesson'
        : 'Assign Other Lesson';
  return (
    <Dialog title={title} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        {choice.suggestion === 'other' ? (
          <label className="field">
            <span>Lesson</span>
            <select required value={lessonId} onChange={(e) => setLessonId(e.target.value)}>
              <option value="">Choose a lesson…</option>
              {steps.lessons.map((l) => (
                <option key={l.courseLessonId} value={l.courseLessonId}>
                  {l.title} ({l.type}){l.assigned ? ' · assigned' : ''}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p>
            Lesson: <strong>{choice.title}</strong>, with the same students and teacher.
          </p>
        )}
        <label className="field">
          <span>Date and time ({me.timeZone})</span>
          <input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            Schedule
          </button>
        </div>
      </form>
    </Dialog>
  );
}
