// The participants of a live session. In a scheduled group session the teacher or an admin adds students (with
// a price for one who has no enrollment in the course or with the teacher) and removes them, after a confirmation.
import { useMemo, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/useApi';
import type { Enrollment, ScheduleEntry } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';

export function Participants({
  session,
  canManage,
  onChange,
}: {
  session: ScheduleEntry;
  canManage: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation('session');
  const editable = canManage && session.kind === 'group' && session.status === 'scheduled';
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ studentId: string; name: string }>();
  const remove = useAction();
  const base = `/api/live-sessions/${session.id}/participants`;
  const confirmRemove = async () => {
    if (!removing) return;
    if (await remove.run(() => api.delete(`${base}/${removing.studentId}`))) {
      setRemoving(undefined);
      onChange();
    }
  };
  return (
    <div className="card" data-testid="participants">
      <div className="card-head">
        <h2>{t('participants.title', { n: session.participants.length })}</h2>
        {editable && (
          <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
            {t('participants.add')}
          </button>
        )}
      </div>
      {session.participants.length === 0 ? (
        <p className="muted">{t('participants.none')}</p>
      ) : (
        <ul className="list">
          {session.participants.map((p) => (
            <li key={p.studentId} className="row">
              <span>{p.name ?? p.studentId}</span>
              {editable && session.participants.length > 1 && (
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  aria-label={
                    p.name ? t('participants.removeNamed', { name: p.name }) : t('participants.removeUnnamed')
                  }
                  onClick={() =>
                    setRemoving({ studentId: p.studentId, name: p.name ?? t('participants.thisStudent') })
                  }
                >
                  {t('participants.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <AddParticipant
          session={session}
          url={base}
          onClose={() => setAdding(false)}
          onDone={() => (setAdding(false), onChange())}
        />
      )}
      {removing && (
        <Dialog
          title={t('participants.removeTitle')}
          open
          onClose={() => (remove.clear(), setRemoving(undefined))}
        >
          <p>
            <Trans
              t={t}
              i18nKey="participants.removeText"
              values={{ name: removing.name }}
              components={{ strong: <strong /> }}
            />
          </p>
          <ErrorBox error={remove.error} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => (remove.clear(), setRemoving(undefined))}>
              {t('participants.keep')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.pending}
              onClick={() => void confirmRemove()}
            >
              {t('participants.removeNamed', { name: removing.name })}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

function AddParticipant({
  session,
  url,
  onClose,
  onDone,
}: {
  session: ScheduleEntry;
  url: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['session', 'common']);
  const enrollments = useApi<{ enrollments: Enrollment[] }>('/api/enrollments');
  const [studentId, setStudentId] = useState('');
  const [price, setPrice] = useState('');
  const action = useAction();
  const candidates = useMemo(() => {
    const inSession = new Set(session.participants.map((p) => p.studentId));
    const seen = new Map<string, { id: string; name: string; priced: boolean }>();
    for (const e of enrollments.data?.enrollments ?? []) {
      if (inSession.has(e.studentId)) continue;
      // Priced by an enrollment in this course or with this session's teacher; otherwise a price is needed.
      const priced = e.courseId === session.courseId || e.teacherId === session.teacherId;
      const known = seen.get(e.studentId);
      seen.set(e.studentId, {
        id: e.studentId,
        name: e.studentName ?? e.studentId,
        priced: priced || (known?.priced ?? false),
      });
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [enrollments.data, session.participants, session.courseId, session.teacherId]);
  const chosen = candidates.find((c) => c.id === studentId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(url, { studentId, lessonCostTokens: price === '' ? null : Number(price) }),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title={t('participants.addTitle')} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error ?? enrollments.error} />
        <label className="field">
          <span>{t('participants.student')}</span>
          <select required value={studentId} onChange={(e) => setStudentId(e.target.value)}>
            <option value="">{t('participants.chooseStudent')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>
            {chosen && !chosen.priced ? t('participants.priceNeeded') : t('participants.priceOptional')}
          </span>
          <input
            type="number"
            min={0}
            max={100000}
            required={!!chosen && !chosen.priced}
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending || !studentId}>
            {t('participants.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
