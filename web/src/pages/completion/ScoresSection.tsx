// Scores (1-5 on seven skills) and a comment per student; verifying makes them visible to the student.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import type { Participant } from '../../lib/types';
import { Badge, ErrorBox } from '../../ui/feedback';
import { SCORE_KEYS, type Feedback, type Scores } from './types';

const COMMENT_MAX = 1024;

export function ScoresSection({
  liveSessionId,
  participants,
  feedback,
  onChange,
}: {
  liveSessionId: string;
  participants: Participant[];
  feedback: Feedback[];
  onChange: () => void;
}) {
  const { t } = useTranslation('completion');
  return (
    <div className="card">
      <h2>{t('completion.scores.title')}</h2>
      {participants.length === 0 && <p className="muted">{t('completion.scores.none')}</p>}
      {participants.map((p) => (
        <StudentScores
          key={p.studentId}
          liveSessionId={liveSessionId}
          student={p}
          existing={feedback.find((f) => f.studentId === p.studentId)}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

function StudentScores({
  liveSessionId,
  student,
  existing,
  onChange,
}: {
  liveSessionId: string;
  student: Participant;
  existing: Feedback | undefined;
  onChange: () => void;
}) {
  const { t } = useTranslation('completion');
  const [scores, setScores] = useState<Partial<Scores>>(existing?.scores ?? {});
  const [comment, setComment] = useState(existing?.comment ?? '');
  const action = useAction();
  const base = `/api/live-sessions/${liveSessionId}/feedback/${student.studentId}`;
  const complete = SCORE_KEYS.every((k) => scores[k]);
  const locked = existing?.verified ?? false;
  const save = () =>
    action.run(() => api.put(base, { scores, comment: comment.trim() || null })).then((r) => r && onChange());
  const verify = () => action.run(() => api.post(`${base}/verification`)).then((r) => r && onChange());
  const revoke = () => action.run(() => api.delete(`${base}/verification`)).then((r) => r && onChange());
  return (
    <fieldset className="scores">
      <legend>
        {student.name}{' '}
        {existing && (
          <Badge tone={locked ? 'ok' : 'info'}>
            {locked ? t('completion.scores.verified') : t('completion.scores.draft')}
          </Badge>
        )}
      </legend>
      <div className="score-grid">
        {SCORE_KEYS.map((k) => (
          <label key={k} className="field">
            <span className="cap">{t(`scoreSkill.${k}`, { ns: 'common' })}</span>
            <select
              disabled={locked}
              value={scores[k] ?? ''}
              onChange={(e) => setScores({ ...scores, [k]: Number(e.target.value) || undefined })}
            >
              <option value="">–</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('completion.scores.comment', { length: comment.length, max: COMMENT_MAX })}</span>
        <textarea
          rows={2}
          maxLength={COMMENT_MAX}
          disabled={locked}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <ErrorBox error={action.error} />
      <div className="row">
        {!locked && (
          <button
            type="button"
            className="btn"
            disabled={!complete || action.pending}
            onClick={() => void save()}
          >
            {t('completion.scores.save')}
          </button>
        )}
        {existing && !locked && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={action.pending}
            onClick={() => void verify()}
          >
            {t('completion.scores.verify')}
          </button>
        )}
        {locked && (
          <button type="button" className="btn" disabled={action.pending} onClick={() => void revoke()}>
            {t('completion.scores.revoke')}
          </button>
        )}
        {!complete && !locked && <span className="hint">{t('completion.scores.giveAll')}</span>}
      </div>
    </fieldset>
  );
}
