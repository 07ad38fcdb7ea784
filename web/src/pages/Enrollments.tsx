// The enrollments the person can see: a teacher's students, a student's courses, or everyone's for an admin.
import { useMe } from '../lib/auth';
import { Link } from '../lib/router';
import { useApi } from '../lib/useApi';
import type { Enrollment } from '../lib/types';
import { PageHeader } from '../ui/Layout';
import { Empty, ErrorBox, Loading } from '../ui/feedback';

export default function Enrollments(_: { params: Record<string, string> }) {
  const me = useMe();
  const list = useApi<{ enrollments: Enrollment[] }>('/api/enrollments');
  return (
    <section>
      <PageHeader title="Enrollments">
        {me.role === 'student'
          ? 'Your courses and teachers.'
          : 'Students on courses: schedule rules, homework and lessons.'}
      </PageHeader>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.data && list.data.enrollments.length === 0 ? (
        <Empty title="No enrollments yet.">
          {me.role === 'admin' ? 'Enroll students from the Courses page.' : ''}
        </Empty>
      ) : (
        list.data && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Course</th>
                <th scope="col">Teacher</th>
                <th scope="col" className="num">
                  Lesson length
                </th>
                <th scope="col" className="num">
                  Lesson cost
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
                  <td className="num">{e.defaultLessonMinutes} min</td>
                  <td className="num">{e.lessonCostTokens} tokens</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </section>
  );
}
