// My homework (students): each item with its status (Added, Started, Passed, Verified), due date and score.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/useApi';
import { formatDate } from '../../lib/time';
import type { Homework } from '../../../../contract/homework';
import { PageHeader } from '../../ui/Layout';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../../ui/feedback';
import { scoreText, useScores } from '../../lessons/useScores';
import { homeworkHref, useHomeworkLabels } from './status';

export function MyHomeworkList() {
  const { t } = useTranslation('homework');
  const labels = useHomeworkLabels();
  const me = useMe();
  const list = useApi<{ homework: Homework[] }>('/api/homework');
  const homework = list.data?.homework ?? [];
  const places = useMemo(
    () =>
      Object.fromEntries(homework.map((h) => [h.id, `/api/enrollments/${h.enrollmentId}/homework/${h.id}`])),
    [homework],
  );
  const scores = useScores(places, me.id);
  return (
    <section>
      <PageHeader title={t('mine.title')}>{t('mine.intro')}</PageHeader>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && homework.length === 0 && <Empty title={t('mine.empty')} />}
      {homework.length > 0 && (
        <table className="table" aria-label={t('mine.title')}>
          <thead>
            <tr>
              <th scope="col">{t('mine.lesson')}</th>
              <th scope="col">{t('mine.status')}</th>
              <th scope="col">{t('mine.due')}</th>
              <th scope="col">{t('mine.score')}</th>
              <th scope="col">{t('mine.lastAttempt')}</th>
            </tr>
          </thead>
          <tbody>
            {homework.map((h) => {
              const s = scores[h.id];
              return (
                <tr key={h.id} data-testid="homework-row">
                  <td>
                    <Link href={homeworkHref(h)}>{h.title ?? t('lesson')}</Link>
                  </td>
                  <td>
                    <Badge tone={statusTone(h.status)}>{labels.status(h.status)}</Badge>
                  </td>
                  <td>{h.scheduledFor ? formatDate(h.scheduledFor, me.timeZone) : t('mine.noDate')}</td>
                  <td>{scoreText(s)}</td>
                  <td>
                    {s?.lastAttempt
                      ? t('mine.attemptOutcome', {
                          attempt: s.lastAttempt.attempt,
                          outcome: labels.outcome(s.lastAttempt.outcome),
                        })
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
