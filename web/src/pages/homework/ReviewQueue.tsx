// The teacher's review queue: homework handed in, with an essay to grade or passed and waiting for Verify.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import type { Enrollment } from '../../lib/types';
import type { Homework } from '../../../../contract/homework';
import { PageHeader } from '../../ui/Layout';
import { Badge, Empty, ErrorBox, Loading } from '../../ui/feedback';
import { scoreText, useScores } from '../../lessons/useScores';
import { homeworkHref } from './status';

export function ReviewQueue() {
  const { t } = useTranslation('homework');
  const me = useMe();
  const started = useApi<{ homework: Homework[] }>('/api/homework?status=started');
  const passed = useApi<{ homework: Homework[] }>('/api/homework?status=passed');
  const enrollments = useApi<{ enrollments: Enrollment[] }>('/api/enrollments');
  const candidates = useMemo(
    () => [...(passed.data?.homework ?? []), ...(started.data?.homework ?? [])],
    [passed.data, started.data],
  );
  const places = useMemo(
    () =>
      Object.fromEntries(
        candidates.map((h) => [h.id, `/api/enrollments/${h.enrollmentId}/homework/${h.id}`]),
      ),
    [candidates],
  );
  const scores = useScores(places, null);
  const nameOf = (h: Homework) =>
    enrollments.data?.enrollments.find((e) => e.id === h.enrollmentId)?.studentName ?? t('student');
  const queue = candidates
    .map((h) => ({ h, s: scores[h.id] }))
    .filter(({ h, s }) => h.status === 'passed' || s?.lastAttempt?.outcome === 'awaiting_grading');
  const loading = (started.loading && !started.data) || (passed.loading && !passed.data);

  return (
    <section>
      <PageHeader title={t('review.title')}>{t('review.intro')}</PageHeader>
      <ErrorBox error={started.error ?? passed.error} onRetry={() => (started.reload(), passed.reload())} />
      {loading && <Loading />}
      {!loading && queue.length === 0 && <Empty title={t('review.empty')}>{t('review.emptyBody')}</Empty>}
      {queue.length > 0 && (
        <table className="table" aria-label={t('review.title')}>
          <thead>
            <tr>
              <th scope="col">{t('review.student')}</th>
              <th scope="col">{t('review.lesson')}</th>
              <th scope="col">{t('review.handedIn')}</th>
              <th scope="col">{t('review.score')}</th>
              <th scope="col">{t('review.toDo')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map(({ h, s }) => (
              <tr key={h.id} data-testid="review-row">
                <td>{nameOf(h)}</td>
                <td>{h.title ?? t('lesson')}</td>
                <td>{s?.lastAttempt ? formatDateTime(s.lastAttempt.submittedAt, me.timeZone) : '—'}</td>
                <td>{scoreText(s)}</td>
                <td>
                  <Badge tone={h.status === 'passed' ? 'ok' : 'info'}>
                    {h.status === 'passed' ? t('review.passedVerify') : t('review.essayToGrade')}
                  </Badge>{' '}
                  <Link
                    href={homeworkHref(h)}
                    aria-label={t('review.reviewNamed', { name: nameOf(h), title: h.title ?? t('lesson') })}
                  >
                    {t('review.review')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
