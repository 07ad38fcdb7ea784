// Scores (1-5 on seven skills) and a comment per student; verifying makes them visible to the student.
import { useState } from 'react';
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
  return (
    <div className="card">
      <h2>Scores and feedback</h2>
      {participants.length === 0 && <p className="muted">No students to score.</p>}
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
        {existing && <Badge tone={locked ? 'ok' : 'info'}>{locked ? 'verified' : 'draft'}</Badge>}
      </legend>
      <div className="score-grid">
        {SCORE_KEYS.map((k) => (
          <label key={k} className="field">
            <span className="cap">{k}</span>
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
        <span>
          Teacher comment ({comment.length}/{COMMENT_MAX})
        </span>
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
            Save scores
          </button>
        )}
        {existing && !locked && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={action.pending}
            onClick={() => void verify()}
          >
            Verify feedback
          </button>
        )}
        {locked && (
          <button type="button" className="btn" disabled={action.pending} onClick={() => void revoke()}>
            Revoke verification
          </button>
        )}
        {!complete && !locked && <span className="hint">Give all seven scores to save.</span>}
      </div>
    </fieldset>
  );
}
