// One enrollment: terms (default lesson length, cost, the no-show policy), recurring schedule rules ("Add Schedule Rule"), homework and
// the lesson list with statuses.
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useMe } from '../lib/auth';
import { Link, useSearchParam } from '../lib/router';
import { useApi } from '../lib/useApi';
import { formatDate, relative } from '../lib/time';
import type { Enrollment } from '../lib/types';
import { PageHeader } from '../ui/Layout';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../ui/feedback';
import type { Homework } from './completion/types';
import type { EnrollmentLesson, ScheduleRule as Rule } from '../../../contract/enrollments';
import { useRuleSummary } from './enrollment/weekdays';
import { AddRule } from './enrollment/AddRule';
import { RemoveRule } from './enrollment/RemoveRule';
import { ChangeTerms, type NoShowPolicy } from './enrollment/ChangeTerms';
import { ChangeRuleFrom } from './enrollment/ChangeRuleFrom';
import { sessionsAhead } from './enrollment/ruleSessions';
import { LessonsTable } from './enrollment/LessonsTable';
import { OpenedLesson } from './enrollment/OpenedLesson';
import { useLessonAnalyses } from './analysis/LessonAnalyses';
import { SummarySwitch } from './summary/SummarySwitch';

const HOMEWORK_STATUSES = ['added', 'started', 'passed', 'verified'];
type HomeworkStatus = 'added' | 'started' | 'passed' | 'verified';

export default function EnrollmentDetail({ params }: { params: Record<string, string> }) {
  // 'homework' too: the lessons table's homework statuses, loaded with the page rather than after it.
  const { t } = useTranslation(['enrollments', 'homework']);
  const ruleSummary = useRuleSummary();
  const homeworkStatus = (s: string) =>
    HOMEWORK_STATUSES.includes(s) ? t(`homeworkStatus.${s as HomeworkStatus}`) : s;
  const me = useMe();
  const base = `/api/enrollments/${params.id}`;
  const enrollment = useApi<Enrollment & { noShowPolicy?: NoShowPolicy }>(base);
  const rules = useApi<{ rules: Rule[] }>(`${base}/schedule-rules`);
  const homework = useApi<{ homework: Homework[] }>(`${base}/homework`);
  const lessons = useApi<{ lessons: EnrollmentLesson[] }>(`${base}/lessons`);
  const [adding, setAdding] = useState(false);
  const [terms, setTerms] = useState(false);
  const canManage = me.role !== 'student';
  const openedId = useSearchParam('lesson');
  const analyses = useLessonAnalyses({
    enrollmentId: params.id!,
    lessons: lessons.data?.lessons ?? [],
    enabled: canManage,
    timeZone: me.timeZone,
  });

  if (enrollment.loading && !enrollment.data) return <Loading />;
  if (!enrollment.data) return <ErrorBox error={enrollment.error} onRetry={enrollment.reload} />;
  const e = enrollment.data;
  const opened = lessons.data?.lessons.find((l) => l.courseLessonId === openedId);

  return (
    <section>
      <p className="crumbs">
        <Link href="/platform/enrollments">{t('detail.back')}</Link>
      </p>
      <PageHeader
        title={t('detail.title', {
          student: e.studentName ?? t('table.student'),
          course: e.courseName ?? t('table.course'),
        })}
        actions={
          me.role === 'admin' && (
            <button type="button" className="btn" onClick={() => setTerms(true)}>
              {t('detail.changeTerms')}
            </button>
          )
        }
      >
        <Trans
          t={t}
          i18nKey="detail.terms"
          values={{ teacher: e.teacherName ?? '', minutes: e.defaultLessonMinutes }}
          count={e.lessonCostTokens}
          components={{ strong: <strong /> }}
        />
        {e.noShowPolicy && <> · {t(`noShow.${e.noShowPolicy}`)}</>}
      </PageHeader>

      {opened && (
        <OpenedLesson enrollmentId={e.id} courseId={e.courseId} lesson={opened} canEdit={canManage} />
      )}

      <div className="card">
        <div className="card-head">
          <h2>{t('detail.schedule')}</h2>
          {canManage && (
            <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
              {t('detail.addRule')}
            </button>
          )}
        </div>
        <ErrorBox error={rules.error} />
        {rules.data && rules.data.rules.length === 0 && (
          <Empty title={t('detail.noRules')}>{t('detail.noRulesHint')}</Empty>
        )}
        {rules.data && rules.data.rules.length > 0 && (
          <ul className="plain-list">
            {rules.data.rules.map((r) => {
              const upcoming = sessionsAhead(r);
              const skipped = r.occurrences.filter((o) => o.outcome === 'skipped');
              const summary = ruleSummary(r);
              const details = [
                `(${r.timeZone})`,
                t('rule.minutes', { minutes: r.durationMinutes }),
                r.endsAt
                  ? t('rule.fromUntil', { from: r.startsOn, until: formatDate(r.endsAt, me.timeZone) })
                  : t('rule.from', { from: r.startsOn }),
                t('rule.upcoming', { count: upcoming.length }),
                ...(skipped.length > 0 ? [t('rule.skipped', { count: skipped.length })] : []),
              ];
              return (
                <li key={r.id}>
                  <strong>{summary}</strong>
                  <span className="muted">{details.join(' · ')}</span>
                  {canManage && !r.endsAt && (
                    <ChangeRuleFrom
                      url={`${base}/schedule-rules/${r.id}`}
                      rule={r}
                      timeZone={me.timeZone}
                      onChanged={() => (rules.reload(), lessons.reload())}
                    />
                  )}
                  {canManage && !r.endsAt && (
                    <RemoveRule
                      url={`${base}/schedule-rules/${r.id}`}
                      summary={summary}
                      upcoming={upcoming.length}
                      onRemoved={() => (rules.reload(), lessons.reload())}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <div className="grid-2">
        <div className="card">
          <h2>{t('detail.homework')}</h2>
          <ErrorBox error={homework.error} />
          {homework.data && homework.data.homework.length === 0 && (
            <p className="muted">{t('detail.noHomework')}</p>
          )}
          <ul className="plain-list">
            {homework.data?.homework.map((h) => (
              <li key={h.id}>
                <Badge tone={statusTone(h.status)}>{homeworkStatus(h.status)}</Badge>{' '}
                {h.title ?? t('detail.lesson')}
                <span className="muted">
                  {' · '}
                  {h.scheduledFor ? relative(h.scheduledFor) : t('detail.noDate')}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <div className="card-head">
            <h2>{t('detail.lessons')}</h2>
            {analyses.bulkButton}
          </div>
          {canManage && <SummarySwitch url={`${base}/post-session-summary`} />}
          <ErrorBox error={lessons.error} />
          {lessons.loading && !lessons.data && <Loading />}
          {lessons.data && (
            <LessonsTable
              enrollmentId={e.id}
              courseId={e.courseId}
              studentId={e.studentId}
              lessons={lessons.data.lessons}
              timeZone={me.timeZone}
              canEdit={canManage}
              extra={(l) => (
                <>
                  {analyses.icon(l)}
                  {analyses.summary(l)}
                </>
              )}
            />
          )}
        </div>
      </div>
      {analyses.overlays}
      {adding && (
        <AddRule
          enrollment={e}
          onClose={() => setAdding(false)}
          onDone={() => (setAdding(false), rules.reload(), lessons.reload())}
        />
      )}
      {terms && (
        <ChangeTerms
          enrollment={e}
          onClose={() => setTerms(false)}
          onDone={() => (setTerms(false), enrollment.reload())}
        />
      )}
    </section>
  );
}
