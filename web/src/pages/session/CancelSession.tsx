// The dialog that cancels a live session with a reason.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('session');
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
    <Dialog title={t('cancelDialog.title')} open onClose={onClose}>
      <form onSubmit={submit}>
        <p>{t('cancelDialog.intro')}</p>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('cancelDialog.reason')}</span>
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
            {t('cancelDialog.keep')}
          </button>
          <button className="btn btn-danger" disabled={action.pending}>
            {t('cancelDialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
