// One homework item: the student answers its exercises and hands it in; the teacher sees the answers, grades
// essays and verifies it.
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { formatDate } from '../lib/time';
import type { Enrollment } from '../lib/types';
import type { Homework } from '../../../contract/homework';
import { PageHeader } from '../ui/Layout';
import { Badge, ErrorBox, Loading, statusTone } from '../ui/feedback';
import { useLessonPlace } from '../lessons/useLessonPlace';
import { toStudentView } from '../lessons/studentView';
import { LessonView } from '../lessons/view/LessonView';
import { StudentProgress } from '../lessons/progress/StudentProgress';
import { AttemptsList } from './homework/AttemptsList';
import { HandIn } from './homework/HandIn';
import { useHomeworkLabels } from './homework/status';

export default function HomeworkDetail({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('homework');
  const labels = useHomeworkLabels();
  const me = useMe();
  const base = `/api/enrollments/${params.id}/homework/${params.homeworkId}`;
  const enrollment = useApi<Enrollment>(`/api/enrollments/${params.id}`);
  const list = useApi<{ homework: Homework[] }>(`/api/enrollments/${params.id}/homework`);
  const place = useLessonPlace(base);
  const verify = useAction();
  const homework = list.data?.homework.find((h) => h.id === params.homeworkId);
  const staff = me.role !== 'student';

  if ((list.loading && !list.data) || (!place.content && !place.error)) return <Loading />;
  if (!homework) return <ErrorBox error={list.error ?? place.error} onRetry={list.reload} />;
  const { content, answers } = place;
  const mine = answers?.students[0];
  const last = mine?.attempts[mine.attempts.length - 1];
  const closed =
    homework.status === 'verified'
      ? t('detail.closedVerified')
      : homework.status === 'passed'
        ? t('detail.closedPassed')
        : last?.outcome === 'awaiting_grading'
          ? t('detail.closedHandedIn')
          : null;
  const refresh = async () => {
    list.reload();
    await place.reload();
  };
  const change = (action: 'verify' | 'revoke-verification') =>
    void verify.run(() => api.post(`${base}/${action}`, {}, idempotencyKey())).then((r) => r && refresh());

  return (
    <section>
      <p className="crumbs">
        <Link href={staff ? '/platform/homework' : '/platform/homework'}>{t('detail.back')}</Link>
      </p>
      <PageHeader
        title={homework.title ?? t('detail.title')}
        actions={
          staff && (
            <>
              {homework.status === 'passed' && (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={verify.pending}
                  onClick={() => change('verify')}
                >
                  {t('detail.verify')}
                </button>
              )}
              {homework.status === 'verified' && (
                <button
                  type="button"
                  className="btn"
                  disabled={verify.pending}
                  onClick={() => change('revoke-verification')}
                >
                  {t('detail.revoke')}
                </button>
              )}
            </>
          )
        }
      >
        <Badge tone={statusTone(homework.status)}>
          <span data-testid="homework-status">{labels.status(homework.status)}</span>
        </Badge>{' '}
        {staff && enrollment.data?.studentName && `${enrollment.data.studentName} · `}
        {homework.scheduledFor
          ? t('detail.due', { date: formatDate(homework.scheduledFor, me.timeZone) })
          : t('detail.noDue')}
        {content && ` · ${t('detail.passMark', { passMark: content.document.passMark })}`}
      </PageHeader>
      <ErrorBox error={verify.error} />
      {place.error?.status === 409 ? (
        <p className="muted">{t('detail.noExercises')}</p>
      ) : (
        <ErrorBox error={place.error} onRetry={() => void place.reload()} />
      )}
      {mine && <AttemptsList attempts={mine.attempts} timeZone={me.timeZone} />}
      {content && answers && !staff && (
        <>
          <LessonView
            document={toStudentView(content.document, answers.key)}
            answers={mine?.answers ?? []}
            keys={answers.revealed ? answers.key : null}
            onSubmit={async (exerciseId, answer) => {
              const r = await place.submit(exerciseId, answer);
              if (homework.status === 'added') list.reload();
              return r;
            }}
            closed={closed}
          />
          {(!closed || last) && (
            <HandIn answers={answers} onHandIn={() => place.write('/hand-in').finally(() => list.reload())} />
          )}
        </>
      )}
      {content && answers && staff && (
        <StudentProgress
          view={toStudentView(content.document, answers.key)}
          answers={answers}
          open
          nameOf={() => enrollment.data?.studentName ?? t('student')}
          onGrade={(studentId, exerciseId, points, comment) =>
            place
              .write(`/students/${studentId}/answers/${exerciseId}/grade`, { points, comment })
              .finally(() => list.reload())
          }
        />
      )}
    </section>
  );
}
