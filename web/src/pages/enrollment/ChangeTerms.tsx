// The dialog that changes an enrollment's terms: default lesson length, lesson cost and the no-show policy
// (whether a student marked absent is charged the lesson).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import type { Enrollment } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';

export type NoShowPolicy = 'free' | 'charge';

export function ChangeTerms({
  enrollment,
  onClose,
  onDone,
}: {
  enrollment: Enrollment & { noShowPolicy?: NoShowPolicy };
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['enrollments', 'common']);
  const [minutes, setMinutes] = useState(String(enrollment.defaultLessonMinutes));
  const [cost, setCost] = useState(String(enrollment.lessonCostTokens));
  const [noShow, setNoShow] = useState<NoShowPolicy>(enrollment.noShowPolicy ?? 'free');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.patch(`/api/enrollments/${enrollment.id}`, {
        defaultLessonMinutes: Number(minutes),
        lessonCostTokens: Number(cost),
        noShowPolicy: noShow,
      }),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title={t('terms.title')} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('terms.minutes')}</span>
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
          <span>{t('terms.cost')}</span>
          <input type="number" min={0} required value={cost} onChange={(e) => setCost(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('terms.absent')}</span>
          <select value={noShow} onChange={(e) => setNoShow(e.target.value as NoShowPolicy)}>
            <option value="free">{t('terms.free')}</option>
            <option value="charge">{t('terms.charge')}</option>
          </select>
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('action.save', { ns: 'common' })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
