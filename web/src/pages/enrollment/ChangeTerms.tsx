// The dialog that changes an enrollment's terms (default lesson length).
import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import type { Enrollment } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';

export function ChangeTerms({
  enrollment,
  onClose,
  onDone,
}: {
  enrollment: Enrollment;
  onClose: () => void;
  onDone: () => void;
}) {
  const [minutes, setMinutes] = useState(String(enrollment.defaultLessonMinutes));
  const [cost, setCost] = useState(String(enrollment.lessonCostTokens));
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.patch(`/api/enrollments/${enrollment.id}`, {
        defaultLessonMinutes: Number(minutes),
        lessonCostTokens: Number(cost),
      }),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title="Change terms" open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>Default lesson length (minutes)</span>
          <input
            type="number"
            min={5}
            max={480}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Lesson cost (tokens)</span>
          <input type="number" min={0} required value={cost} onChange={(e) => setCost(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
