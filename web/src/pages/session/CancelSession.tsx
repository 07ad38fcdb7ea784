// The dialog that cancels a live session with a reason.
import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { type ScheduleEntry } from '../../lib/types';
import { ErrorBox } from '../../ui/feedback';
import { Dialog } from '../../ui/Dialog';

export function CancelSession({
  session,
  onClose,
  onDone,
}: {
  session: ScheduleEntry;
  onClose: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(
        `/api/live-sessions/${session.id}/cancel`,
        { reason },
        { 'if-match': `"${session.revision}"` },
      ),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title="Cancel session" open onClose={onClose}>
      <form onSubmit={submit}>
        <p>All participants will be notified. A linked course lesson stays available for rescheduling.</p>
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
          <button type="button" className="btn" onClick={onClose}>
            Keep session
          </button>
          <button className="btn btn-danger" disabled={action.pending}>
            Cancel session
          </button>
        </div>
      </form>
    </Dialog>
  );
}
