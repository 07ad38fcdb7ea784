// Attendance with presence minutes, notes, and the completion buttons. Every action first shows its billing
// effect (the API's preview) and only the confirmation in that dialog submits it.
import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import type { ScheduleEntry } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { Badge, ErrorBox, statusTone } from '../../ui/feedback';
import { ACTION_LABEL, type CompletionAction, type Lifecycle, type Preview } from './types';

type Mark = { status: 'present' | 'absent'; reason: string };
const OUTCOME: Record<Preview['lines'][number]['outcome'], string> = {
  debit: 'Deducted',
  refused: 'Refused: balance too low',
  free: 'Free',
  not_charged: 'Not charged',
  unpriced: 'No price set: set one before deducting',
};

export function CompletionActions({
  session,
  lifecycle,
  onDone,
}: {
  session: ScheduleEntry;
  lifecycle: Lifecycle | undefined;
  onDone: () => void;
}) {
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
      <h2>Attendance</h2>
      {session.participants.length === 0 ? (
        <p className="muted">No students in this session.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col" className="num">
                Minutes present
              </th>
              <th scope="col">Attendance</th>
              <th scope="col">Reason (optional)</th>
            </tr>
          </thead>
          <tbody>
            {session.participants.map((p) => {
              const m = marks[p.studentId]!;
              const seen = minutes(p.studentId);
              const set = (patch: Partial<Mark>) =>
                setMarks((all) => ({ ...all, [p.studentId]: { ...m, ...patch } }));
              return (
                <tr key={p.studentId}>
                  <td>
                    {p.name} {seen?.late && <Badge tone="warn">late</Badge>}{' '}
                    {seen?.inRoom && <Badge tone="info">in room</Badge>}
                  </td>
                  <td className="num">{seen ? seen.minutesPresent : '—'}</td>
                  <td>
                    <div className="chips" role="radiogroup" aria-label={`Attendance of ${p.name}`}>
                      {(['present', 'absent'] as const).map((s) => (
                        <label className="chip" key={s}>
                          <input
                            type="radio"
                            name={`att-${p.studentId}`}
                            checked={m.status === s}
                            onChange={() => set({ status: s })}
                          />
                          {s === 'present' ? 'Present' : 'Absent'}
                        </label>
                      ))}
                    </div>
                  </td>
                  <td>
                    <input
                      aria-label={`Reason for ${p.name}`}
                      value={m.reason}
                      maxLength={500}
                      // Someone who never joined counts as present only with a reason (e.g. joined by phone).
                      required={m.status === 'present' && !seen?.firstJoinedAt}
                      placeholder={
                        m.status === 'present' && !seen?.firstJoinedAt ? 'Required: never joined' : ''
                      }
                      onChange={(e) => set({ reason: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3>Notes</h3>
      <div className="form-grid">
        {(
          [
            ['covered', 'What was covered'],
            ['struggled', 'What the student struggled with'],
            ['next', 'What should happen next'],
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
            {ACTION_LABEL[a]}
          </button>
        ))}
        <button type="button" className="btn btn-danger" onClick={() => (action.clear(), setCanceling(true))}>
          Cancel
        </button>
      </div>

      {preview && (
        <Dialog
          title={`Confirm: ${ACTION_LABEL[preview.action]}`}
          open
          onClose={() => (action.clear(), setPreview(undefined))}
          wide
        >
          <p>Read the billing effect before you confirm.</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Attendance</th>
                <th scope="col" className="num">
                  Cost
                </th>
                <th scope="col" className="num">
                  Balance now
                </th>
                <th scope="col" className="num">
                  Balance after
                </th>
                <th scope="col">Effect</th>
              </tr>
            </thead>
            <tbody>
              {preview.lines.map((l) => (
                <tr key={l.studentId}>
                  <td>{name(l.studentId)}</td>
                  <td>
                    <Badge tone={statusTone(l.attendance)}>{l.attendance}</Badge>
                  </td>
                  <td className="num">{l.outcome === 'debit' ? `−${l.tokens}` : 0} tokens</td>
                  <td className="num">{l.balance}</td>
                  <td className="num">
                    <strong>{l.balanceAfter}</strong>
                  </td>
                  <td>
                    {OUTCOME[l.outcome]}
                    <div className="hint">{l.ruleNote}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            Total deducted:{' '}
            {preview.lines.filter((l) => l.outcome === 'debit').reduce((n, l) => n + l.tokens, 0)} tokens.
          </p>
          <ErrorBox error={action.error} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => (action.clear(), setPreview(undefined))}>
              Back
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={action.pending}
              onClick={() => void confirm()}
            >
              Confirm {ACTION_LABEL[preview.action]}
            </button>
          </div>
        </Dialog>
      )}
      {canceling && (
        <Dialog title="Cancel the lesson" open onClose={() => setCanceling(false)}>
          <p>
            The lesson is closed as canceled instead of completed: nobody is charged, and a linked course
            lesson stays available.
          </p>
          <ErrorBox error={action.error} />
          <label className="field">
            <span>Reason</span>
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
              Back
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={!reason.trim() || action.pending}
              onClick={() => void cancel()}
            >
              Confirm cancel
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
