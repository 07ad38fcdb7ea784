// My homework (students): each item with its status (Added, Started, Passed, Verified), due date and score.
import { useMemo } from 'react';
import { useMe } from '../../lib/auth';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/useApi';
import { formatDate } from '../../lib/time';
import type { Homework } from '../../../../contract/homework';
import { PageHeader } from '../../ui/Layout';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../../ui/feedback';
import { OUTCOME_LABELS, scoreText, useScores } from '../../lessons/useScores';
import { HOMEWORK_STATUS, homeworkHref } from './status';

export function MyHomeworkList() {
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
      <PageHeader title="My homework">Open an item to answer it, then hand it in.</PageHeader>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && homework.length === 0 && <Empty title="No homework right now." />}
      {homework.length > 0 && (
        <table className="table" aria-label="My homework">
          <thead>
            <tr>
              <th scope="col">Lesson</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
              <th scope="col">Score</th>
              <th scope="col">Last attempt</th>
            </tr>
          </thead>
          <tbody>
            {homework.map((h) => {
              const s = scores[h.id];
              return (
                <tr key={h.id} data-testid="homework-row">
                  <td>
                    <Link href={homeworkHref(h)}>{h.title ?? 'Lesson'}</Link>
                  </td>
                  <td>
                    <Badge tone={statusTone(h.status)}>{HOMEWORK_STATUS[h.status] ?? h.status}</Badge>
                  </td>
                  <td>{h.scheduledFor ? formatDate(h.scheduledFor, me.timeZone) : 'no date'}</td>
                  <td>{scoreText(s)}</td>
                  <td>
                    {s?.lastAttempt
                      ? `Attempt ${s.lastAttempt.attempt}: ${OUTCOME_LABELS[s.lastAttempt.outcome] ?? s.lastAttempt.outcome}`
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
