// The teacher summary (admins only): the group at a glance, each student's activity (minutes, chat, polls,
// speaking time) and results, the speaking-time balance, the conversation's language, the new words, the
// hardest exercises.
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import type { TeacherSummaryData } from '../../../../contract/sessionSummary';
import { homeworkStatusLabel } from '../completion/types';

const languageName = (code: string, locale: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

export function TeacherSummaryCard({
  summary,
  names,
}: {
  summary: TeacherSummaryData;
  names: Record<string, string>;
}) {
  const { t } = useTranslation('completion');
  const locale = useLocale();
  const speaking = summary.speaking;
  return (
    <article className="card" aria-label={t('summary.teacher.title')} data-testid="teacher-summary">
      <h3>{t('summary.teacher.title')}</h3>
      <p>{summary.text}</p>
      <table className="table" aria-label={t('summary.teacher.perStudent')}>
        <thead>
          <tr>
            <th scope="col">{t('summary.teacher.student')}</th>
            <th scope="col" className="num">
              {t('summary.teacher.answered')}
            </th>
            <th scope="col" className="num">
              {t('summary.teacher.score')}
            </th>
            <th scope="col" className="num">
              {t('summary.teacher.minutes')}
            </th>
            <th scope="col" className="num">
              {t('summary.teacher.chat')}
            </th>
            <th scope="col" className="num">
              {t('summary.teacher.polls')}
            </th>
            <th scope="col" className="num">
              {t('summary.teacher.spoke')}
            </th>
            <th scope="col">{t('summary.teacher.homework')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.students.map((s) => (
            <tr key={s.studentId}>
              <td>{names[s.studentId] ?? t('summary.teacher.student')}</td>
              <td className="num">{s.answered}</td>
              <td className="num">{s.percent === null ? '—' : `${s.percent} %`}</td>
              <td className="num">{s.minutesPresent}</td>
              <td className="num">{s.chatMessages}</td>
              <td className="num">{s.pollAnswers}</td>
              <td className="num">{t('summary.teacher.seconds', { n: Math.round(s.speakingSeconds) })}</td>
              <td>
                {s.homework ? homeworkStatusLabel(t, s.homework.status) : t('summary.teacher.noHomework')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts">
        <dt>{t('summary.teacher.speaking')}</dt>
        <dd data-testid="summary-speaking">
          {speaking?.participantShare != null
            ? t('summary.teacher.speakingLine', {
                share: Math.round(speaking.participantShare * 100),
                host: Math.round(speaking.hostSeconds),
                total: Math.round(speaking.totalSeconds),
              })
            : t('summary.teacher.notMeasured')}
        </dd>
        <dt>{t('summary.teacher.language')}</dt>
        <dd data-testid="summary-language">
          {summary.language
            ? t('summary.teacher.languageLine', {
                language: languageName(summary.language.code, locale),
                share: Math.round(summary.language.share * 100),
              })
            : t('summary.teacher.notDetected')}
        </dd>
        <dt>{t('summary.teacher.vocabulary')}</dt>
        <dd>{summary.newWords.length ? summary.newWords.join(', ') : '—'}</dd>
      </dl>
      {summary.hardest.length > 0 && (
        <p>
          {t('summary.teacher.mostMissed', {
            list: summary.hardest
              .map((h) => t('summary.teacher.missed', { exercise: h.exerciseId, count: h.incorrect }))
              .join(', '),
          })}
        </p>
      )}
    </article>
  );
}
