// The teacher's live view of who speaks how much: the students' share of all speech and each person's time.
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SpeakingTime } from '../../../../contract/speakingTime';
import './speaking.css';

const time = (t: TFunction<'room'>, seconds: number) =>
  seconds < 60
    ? t('speaking.seconds', { s: Math.round(seconds) })
    : t('speaking.minutes', { m: Math.floor(seconds / 60), s: Math.round(seconds % 60) });

export function SpeakingBalance({ balance }: { balance: SpeakingTime | null }) {
  const { t } = useTranslation('room');
  if (!balance) return null;
  return (
    <section className="speaking-balance" aria-label={t('speaking.label')} data-testid="speaking-balance">
      <h3>{t('speaking.label')}</h3>
      {balance.participantShare === null ? (
        <p className="muted">{t('speaking.nobody')}</p>
      ) : (
        <p>
          <Trans
            t={t}
            i18nKey="speaking.share"
            values={{
              students: Math.round(balance.participantShare * 100),
              teacher: Math.round((1 - balance.participantShare) * 100),
            }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      <ul className="plain-list">
        {balance.people.map((p) => (
          <li key={p.personId}>
            {t(p.role === 'host' ? 'speaking.teacher' : 'speaking.person', {
              name: p.name ?? t('someone'),
              time: time(t, p.seconds),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
