// The enrollments the person can see: a teacher's students, a student's courses, or everyone's for an admin.
import { useTranslation } from 'react-i18next';
import { useMe } from '../lib/auth';
import { Link } from '../lib/router';
import { useApi } from '../lib/useApi';
import type { Enrollment } from '../lib/types';
import { PageHeader } from '../ui/Layout';
import { Empty, ErrorBox, Loading } from '../ui/feedback';

export default function Enrollments(_: { params: Record<string, string> }) {
  const { t } = useTranslation('enrollments');
  const me = useMe();
  const list = useApi<{ enrollments: Enrollment[] }>('/api/enrollments');
  return (
    <section>
      <PageHeader title={t('title')}>
        {me.role === 'student' ? t('studentIntro') : t('staffIntro')}
      </PageHeader>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.data && list.data.enrollments.length === 0 ? (
        <Empty title={t('none')}>{me.role === 'admin' ? t('adminHint') : ''}</Empty>
      ) : (
        list.data && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('table.student')}</th>
                <th scope="col">{t('table.course')}</th>
                <th scope="col">{t('table.teacher')}</th>
                <th scope="col" className="num">
                  {t('table.lessonLength')}
                </th>
                <th scope="col" className="num">
                  {t('table.lessonCost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.enrollments.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link href={`/platform/enrollments/${e.id}`}>{e.studentName ?? e.studentId}</Link>
                  </td>
                  <td>{e.courseName}</td>
                  <td>{e.teacherName}</td>
                  <td className="num">{t('minutes', { minutes: e.defaultLessonMinutes })}</td>
                  <td className="num">{t('tokens', { count: e.lessonCostTokens })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </section>
  );
}
