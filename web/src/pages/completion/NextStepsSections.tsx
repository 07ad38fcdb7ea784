// The completion screen's homework and next-class sections: status badges with relative dates,
// "+ Assign Homework", Continue Lesson / Next Lesson / "All lessons assigned" / "+ Assign Other Lesson".
import { useState } from 'react';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/useApi';
import { formatDateTime, relative } from '../../lib/time';
import type { Course, ScheduleEntry } from '../../lib/types';
import { Badge, Empty, ErrorBox, statusTone } from '../../ui/feedback';
import type { NextSteps } from './types';
import { AssignHomework } from './AssignHomework';
import { ScheduleNext, type Choice } from './ScheduleNext';

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
