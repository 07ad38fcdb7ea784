// The dialog that edits a live session's title, notes and lesson.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { type ScheduleEntry } from '../../lib/types';
import { ErrorBox } from '../../ui/feedback';
import { Dialog } from '../../ui/Dialog';

export function EditDetails({
  session,
  onClose,
  onSaved,
}: {
  session: ScheduleEntry;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation(['session', 'common']);
  const [title, setTitle] = useState(session.title ?? '');
  const [notes, setNotes] = useState(session.notes ?? '');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.patch(
        `/api/live-sessions/${session.id}`,
        { title: title.trim() || null, notes: notes.trim() || null, courseLessonId: session.courseLessonId },
        { 'if-match': `"${session.revision}"` },
      ),
    );
    if (ok) onSaved();
  };
  return (
    <Dialog title={t('editDialog.title')} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('editDialog.titleField')}</span>
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('editDialog.notes')}</span>
          <textarea rows={4} value={notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.close', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('action.save', { ns: 'common' })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
