// Attendance with presence minutes, notes, and the completion buttons. Every action first shows its billing
// effect (the API's preview) and only the confirmation in that dialog submits it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import type { ScheduleEntry } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import { AttendanceTable, type Mark } from './AttendanceTable';
import { BillingPreviewDialog } from './BillingPreviewDialog';
import { actionLabel, type CompletionAction, type Lifecycle, type Preview } from './types';

export function CompletionActions({
  session,
  lifecycle,
  onDone,
}: {
  session: ScheduleEntry;
  lifecycle: Lifecycle | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation('completion');
  const minutes = (id: string) => lifecycle?.attendance.find((a) => a.personId === id);
  // Students who joined start as present; those who never joined start as absent (the guide's advice).
  const [marks, setMarks] = useState<Record<string, Mark>>(() =>
    Object.fromEntries(
      session.participants.map((p) => [
        p.studentId,
        { status: minutes(p.studentId)?.firstJoinedAt ? 'present' : 'absent', reason: '' },
      ]),
    ),
  );
  const [notes, setNotes] = useState({ covered: '', struggled: '', next: '' });
  const [preview, setPreview] = useState<Preview>();
  const [canceling, setCanceling] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  const name = (id: string) => session.participants.find((p) => p.studentId === id)?.name ?? id;

  const attendance = () =>
    Object.entries(marks).map(([studentId, m]) => ({
      studentId,
      status: m.status,
      reason: m.reason.trim() || null,
    }));
  const ask = (kind: CompletionAction) =>
    action.run(async () =>
      setPreview(
        await api.post<Preview>(`/api/live-sessions/${session.id}/completion/preview`, {
          action: kind,
          attendance: attendance(),
        }),
      ),
    );
  const confirm = async () => {
    if (!preview) return;
    const ok = await action.run(async () => {
      try {
        return await api.post(`/api/live-sessions/${session.id}/completion`, {
          action: preview.action,
          fingerprint: preview.fingerprint,
          attendance: attendance(),
          notes: {
            covered: notes.covered.trim() || null,
            struggled: notes.struggled.trim() || null,
            next: notes.next.trim() || null,
          },
        });
      } catch (e) {
        // Balances moved since the preview: show the fresh one and let the teacher confirm again.
        if (e instanceof ApiError && e.type.endsWith('preview_changed'))
          setPreview(
            await api.post<Preview>(`/api/live-sessions/${session.id}/completion/preview`, {
              action: preview.action,
              attendance: attendance(),
            }),
          );
        throw e;
      }
    });
    if (ok) {
      setPreview(undefined);
      onDone();
    }
  };
  const cancel = async () => {
    const ok = await action.run(() =>
      api.post(`/api/live-sessions/${session.id}/completion`, { action: 'cancel', reason }),
    );
    if (ok) {
      setCanceling(false);
      onDone();
    }
  };

  return (
    <div className="card">
      <h2>{t('completion.attendance')}</h2>
      <AttendanceTable session={session} lifecycle={lifecycle} marks={marks} setMarks={setMarks} />
      <h3>{t('completion.notes')}</h3>
      <div className="form-grid">
        {(
          [
            ['covered', t('completion.notesCovered')],
            ['struggled', t('completion.notesStruggled')],
            ['next', t('completion.notesNext')],
          ] as const
        ).map(([key, label]) => (
          <label className="field" key={key}>
            <span>{label}</span>
            <textarea
              rows={2}
              maxLength={4000}
              value={notes[key]}
              onChange={(e) => setNotes({ ...notes, [key]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <ErrorBox error={!preview && !canceling ? action.error : undefined} />
      <div className="row">
        {(['finish', 'finish_and_deduct', 'verify_and_deduct'] as const).map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'finish_and_deduct' ? 'btn btn-primary' : 'btn'}
            disabled={action.pending}
            onClick={() => void ask(a)}
          >
            {actionLabel(t, a)}
          </button>
        ))}
        <button type="button" className="btn btn-danger" onClick={() => (action.clear(), setCanceling(true))}>
          {actionLabel(t, 'cancel')}
        </button>
      </div>

      {preview && (
        <BillingPreviewDialog
          preview={preview}
          name={name}
          error={action.error}
          pending={action.pending}
          onBack={() => (action.clear(), setPreview(undefined))}
          onConfirm={() => void confirm()}
        />
      )}
      {canceling && (
        <Dialog title={t('completion.cancelTitle')} open onClose={() => setCanceling(false)}>
          <p>{t('completion.cancelText')}</p>
          <ErrorBox error={action.error} />
          <label className="field">
            <span>{t('completion.reason')}</span>
            <textarea
              required
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setCanceling(false)}>
              {t('action.back', { ns: 'common' })}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={!reason.trim() || action.pending}
              onClick={() => void cancel()}
            >
              {t('completion.confirmCancel')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
