// "Remove rule" with a confirmation: removing a schedule rule ends it and cancels every upcoming lesson it made,
// so the dialog says how many before anything happens.
import { useState } from 'react';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';

export function RemoveRule({
  url,
  summary,
  upcoming,
  onRemoved,
}: {
  url: string;
  summary: string;
  upcoming: number;
  onRemoved: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const remove = useAction();
  const confirm = async () => {
    if (await remove.run(() => api.delete(url))) {
      setAsking(false);
      onRemoved();
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small btn-danger" onClick={() => setAsking(true)}>
        Remove rule
      </button>
      {asking && (
        <Dialog title="Remove the schedule rule" open onClose={() => (remove.clear(), setAsking(false))}>
          <p>
            <strong>{summary}</strong> ends now.{' '}
            {upcoming === 0
              ? 'It has no upcoming lessons.'
              : `Its ${upcoming} upcoming ${upcoming === 1 ? 'lesson is' : 'lessons are'} canceled. Lessons that already took place stay as they are.`}
          </p>
          <ErrorBox error={remove.error} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => (remove.clear(), setAsking(false))}>
              Keep the rule
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.pending}
              onClick={() => void confirm()}
            >
              Remove and cancel {upcoming} {upcoming === 1 ? 'lesson' : 'lessons'}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
