// The completion screen's homework and next-class sections: status badges with relative dates,
// "+ Assign Homework", Continue Lesson / Next Lesson / "All lessons assigned" / "+ Assign Other Lesson".
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/useApi';
import { formatDateTime, isoToZoned, relative, zonedToIso } from '../../lib/time';
import type { Course, ScheduleEntry } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { Badge, Empty, ErrorBox, statusTone } from '../../ui/feedback';
import type { NextSteps } from './types';

export function HomeworkSection({
  session,
  steps,
  course,
  onChange,
}: {
  session: ScheduleEntry;
  steps: NextSteps;
  course: Course | undefined;
  onChange: () => void;
}) {
  const me = useMe();
  const [assigning, setAssigning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const action = useAction();
  const name = (id: string) => session.participants.find((p) => p.studentId === id)?.name ?? '';
  const remove = async () => {
    const ok = await action.run(async () => {
      for (const id of selected) {
        const h = steps.homework.find((x) => x.id === id)!;
        await api.delete(`/api/enrollments/${h.enrollmentId}/homework/${h.id}`);
      }
      return true;
    });
    if (ok) {
      setSelected([]);
      setEditing(false);
      onChange();
    }
  };
  return (
    <div className="card">
      <div className="card-head">
        <h2>Homework</h2>
        <div className="row-tight">
          {steps.homework.length > 0 && (
            <button
              type="button"
              className="btn btn-small"
              aria-pressed={editing}
              onClick={() => setEditing(!editing)}
            >
              ✎ Edit
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => setAssigning(true)}>
            + Assign Homework
          </button>
        </div>
      </div>
      {steps.homework.length === 0 ? (
        <Empty title="No homework assigned for this course yet." />
      ) : (
        <ul className="plain-list">
          {steps.homework.map((h) => (
            <li key={h.id}>
              {editing && (
                <input
                  type="checkbox"
                  aria-label={`Select ${h.title ?? 'homework'} for removal`}
                  checked={selected.includes(h.id)}
                  onChange={(e) =>
                    setSelected((s) => (e.target.checked ? [...s, h.id] : s.filter((x) => x !== h.id)))
                  }
                />
              )}
              <Badge tone={statusTone(h.status)}>{h.status}</Badge> <span>{h.title ?? 'Lesson'}</span>
              {session.kind === 'group' && <span className="muted"> · {name(h.studentId)}</span>}
              <span className="muted">
                {' '}
                ·{' '}
                {h.scheduledFor ? (
                  <time dateTime={h.scheduledFor} title={formatDateTime(h.scheduledFor, me.timeZone)}>
                    {relative(h.scheduledFor)}
                  </time>
                ) : (
                  'no date'
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <div className="row">
          <ErrorBox error={action.error} />
          <button
            type="button"
            className="btn btn-danger btn-small"
            disabled={selected.length === 0 || action.pending}
            onClick={() => void remove()}
          >
            Remove selected ({selected.length})
          </button>
        </div>
      )}
      {assigning && (
        <AssignHomework
          session={session}
          course={course}
          onClose={() => setAssigning(false)}
          onDone={() => (setAssigning(false), onChange())}
        />
      )}
    </div>
  );
}

function AssignHomework({
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
    <Dialog title="Assign Homework" open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>Lesson</span>
          <select required value={lessonId} onChange={(e) => setLessonId(e.target.value)}>
            <option value="">Choose a lesson…</option>
            {course?.lessons.map((l) => (
              <option key={l.id} value={l.id}>
                {l.position}. {l.title} ({l.kind})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Do by ({me.timeZone}, optional)</span>
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        {students.length > 1 && (
          <fieldset className="field">
            <legend>Students</legend>
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
            Close
          </button>
          <button className="btn btn-primary" disabled={action.pending || who.length === 0}>
            Assign
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type Choice = { suggestion: 'continue' | 'next' | 'other'; courseLessonId: string | null; title: string };

export function NextClassSection({
  session,
  steps,
  onChange,
}: {
  session: ScheduleEntry;
  steps: NextSteps;
  onChange: () => void;
}) {
  const me = useMe();
  const [choice, setChoice] = useState<Choice | null>(null);
  const label = { continue: 'Continue Lesson', next: 'Next Lesson' } as const;
  return (
    <div className="card">
      <h2>Next class</h2>
      {steps.nextClass ? (
        <p>
          Scheduled:{' '}
          <Link href={`/platform/sessions/${steps.nextClass.id}`}>
            {steps.nextClass.title ?? 'the next class'}
          </Link>{' '}
          {formatDateTime(steps.nextClass.start, me.timeZone)} ({relative(steps.nextClass.start)})
        </p>
      ) : (
        <div className="row">
          {steps.suggestions.map((s) => (
            <button key={s.suggestion} type="button" className="btn" onClick={() => setChoice(s)}>
              {label[s.suggestion]}: {s.title}
            </button>
          ))}
        </div>
      )}
      {steps.allLessonsAssigned && <p className="muted">All lessons assigned.</p>}
      <div className="row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setChoice({ suggestion: 'other', courseLessonId: null, title: '' })}
        >
          + Assign Other Lesson
        </button>
      </div>
      {choice && (
        <ScheduleNext
          session={session}
          steps={steps}
          choice={choice}
          onClose={() => setChoice(null)}
          onDone={() => (setChoice(null), onChange())}
        />
      )}
    </div>
  );
}

function ScheduleNext({
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
