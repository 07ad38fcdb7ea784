// The Teacher Feedback banner: verified scores and comment, shown on the session to teachers and students.
import { Trans, useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import { useMe } from '../../lib/auth';
import { useApi } from '../../lib/useApi';
import type { Participant } from '../../lib/types';
import { SCORE_KEYS, type Feedback } from './types';

export function FeedbackBanner({
  liveSessionId,
  participants = [],
}: {
  liveSessionId: string;
  participants?: Participant[];
}) {
  const { t } = useTranslation('completion');
  const me = useMe();
  const feedback = useApi<Feedback[]>(`/api/live-sessions/${liveSessionId}/feedback`);
  const verified = (feedback.data ?? []).filter((f) => f.verified);
  if (verified.length === 0) return null;
  const name = (id: string) => participants.find((p) => p.studentId === id)?.name ?? '';
  return (
    <section className="banner" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('completion.banner.title')}</h2>
      {verified.map((f) => (
        <div key={f.studentId} className="feedback-entry">
          {me.role !== 'student' && <strong>{name(f.studentId)}</strong>}
          <ul className="score-list">
            {SCORE_KEYS.map((k) => (
              <li key={k}>
                <span className="cap">{t(`scoreSkill.${k}`, { ns: 'common' })}</span>{' '}
                <strong>{f.scores[k]}</strong>/5
              </li>
            ))}
          </ul>
          {f.comment && <p className="prewrap">{t('quoted', { text: f.comment })}</p>}
        </div>
      ))}
      {me.role !== 'student' && (
        <p className="hint">
          <Trans
            t={t}
            i18nKey="completion.banner.hint"
            components={{ a: <Link href={`/platform/sessions/${liveSessionId}/complete`} /> }}
          />
        </p>
      )}
    </section>
  );
}
