// The completion screen's homework and next-class sections: status badges with relative dates,
// "+ Assign Homework", Continue Lesson / Next Lesson / "All lessons assigned" / "+ Assign Other Lesson".
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/useApi';
import { formatDateTime, relative } from '../../lib/time';
import type { Course, ScheduleEntry } from '../../lib/types';
import { Badge, Empty, ErrorBox, statusTone } from '../../ui/feedback';
import { homeworkStatusLabel, type NextSteps } from './types';
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
  const { t } = useTranslation('completion');
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
        <h2>{t('completion.homework.title')}</h2>
        <div className="row-tight">
          {steps.homework.length > 0 && (
            <button
              type="button"
              className="btn btn-small"
              aria-pressed={editing}
              onClick={() => setEditing(!editing)}
            >
              {t('completion.homework.edit')}
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => setAssigning(true)}>
            {t('completion.homework.assign')}
          </button>
        </div>
      </div>
      {steps.homework.length === 0 ? (
        <Empty title={t('completion.homework.none')} />
      ) : (
        <ul className="plain-list">
          {steps.homework.map((h) => (
            <li key={h.id}>
              {editing && (
                <input
                  type="checkbox"
                  aria-label={
                    h.title
                      ? t('completion.homework.select', { title: h.title })
                      : t('completion.homework.selectUntitled')
                  }
                  checked={selected.includes(h.id)}
                  onChange={(e) =>
                    setSelected((s) => (e.target.checked ? [...s, h.id] : s.filter((x) => x !== h.id)))
                  }
                />
              )}
              <Badge tone={statusTone(h.status)}>{homeworkStatusLabel(t, h.status)}</Badge>{' '}
              <span>{h.title ?? t('completion.homework.lesson')}</span>
              {session.kind === 'group' && <span className="muted"> · {name(h.studentId)}</span>}
              <span className="muted">
                {' '}
                ·{' '}
                {h.scheduledFor ? (
                  <time dateTime={h.scheduledFor} title={formatDateTime(h.scheduledFor, me.timeZone)}>
                    {relative(h.scheduledFor)}
                  </time>
                ) : (
                  t('completion.homework.noDate')
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
            {t('completion.homework.removeSelected', { n: selected.length })}
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
  const { t } = useTranslation('completion');
  const me = useMe();
  const [choice, setChoice] = useState<Choice | null>(null);
  return (
    <div className="card">
      <h2>{t('completion.next.title')}</h2>
      {steps.nextClass ? (
        <p>
          <Trans
            t={t}
            i18nKey="completion.next.scheduled"
            values={{
              title: steps.nextClass.title ?? t('completion.next.theNextClass'),
              when: formatDateTime(steps.nextClass.start, me.timeZone),
              relative: relative(steps.nextClass.start),
            }}
            components={{ a: <Link href={`/platform/sessions/${steps.nextClass.id}`} /> }}
          />
        </p>
      ) : (
        <div className="row">
          {steps.suggestions.map((s) => (
            <button key={s.suggestion} type="button" className="btn" onClick={() => setChoice(s)}>
              {s.suggestion === 'continue'
                ? t('completion.next.continue', { title: s.title })
                : t('completion.next.next', { title: s.title })}
            </button>
          ))}
        </div>
      )}
      {steps.allLessonsAssigned && <p className="muted">{t('completion.next.allAssigned')}</p>}
      <div className="row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setChoice({ suggestion: 'other', courseLessonId: null, title: '' })}
        >
          {t('completion.next.assignOther')}
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
