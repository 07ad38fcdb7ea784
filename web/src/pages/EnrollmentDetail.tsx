// One enrollment: terms (default lesson length, cost, the no-show policy), recurring schedule rules ("Add Schedule Rule"), homework and
// the lesson list with statuses.
import { useState } from 'react';
import { useMe } from '../lib/auth';
import { Link, useSearchParam } from '../lib/router';
import { useApi } from '../lib/useApi';
import { formatDate, relative } from '../lib/time';
import type { Enrollment } from '../lib/types';
import { PageHeader } from '../ui/Layout';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../ui/feedback';
import type { Homework } from './completion/types';
import type { EnrollmentLesson, ScheduleRule as Rule } from '../../../contract/enrollments';
import { dayName } from './enrollment/weekdays';
import { AddRule } from './enrollment/AddRule';
import { RemoveRule } from './enrollment/RemoveRule';
import { ChangeTerms, NO_SHOW_LABEL, type NoShowPolicy } from './enrollment/ChangeTerms';
import { ChangeRuleFrom } from './enrollment/ChangeRuleFrom';
import { sessionsAhead } from './enrollment/ruleSessions';
import { LessonsTable } from './enrollment/LessonsTable';
import { OpenedLesson } from './enrollment/OpenedLesson';
import { useLessonAnalyses } from './analysis/LessonAnalyses';
import { SummarySwitch } from './summary/SummarySwitch';

export default function EnrollmentDetail({ params }: { params: Record<string, string> }) {
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
        <Link href="/platform/enrollments">← Enrollments</Link>
      </p>
      <PageHeader
        title={`${e.studentName ?? 'Student'} · ${e.courseName ?? 'Course'}`}
        actions={
          me.role === 'admin' && (
            <button type="button" className="btn" onClick={() => setTerms(true)}>
              Change terms
            </button>
          )
        }
      >
        Teacher {e.teacherName} · default lesson length <strong>{e.defaultLessonMinutes} min</strong> · lesson
        cost {e.lessonCostTokens} tokens
        {e.noShowPolicy && <> · {NO_SHOW_LABEL[e.noShowPolicy].toLowerCase()}</>}
      </PageHeader>

      {opened && (
        <OpenedLesson enrollmentId={e.id} courseId={e.courseId} lesson={opened} canEdit={canManage} />
      )}

      <div className="card">
        <div className="card-head">
          <h2>Schedule</h2>
          {canManage && (
            <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
              Add Schedule Rule
            </button>
          )}
        </div>
        <ErrorBox error={rules.error} />
        {rules.data && rules.data.rules.length === 0 && (
          <Empty title="No recurring schedule.">Add a rule to generate the regular lessons.</Empty>
        )}
        {rules.data && rules.data.rules.length > 0 && (
          <ul className="plain-list">
            {rules.data.rules.map((r) => {
              const upcoming = sessionsAhead(r);
              const skipped = r.occurrences.filter((o) => o.outcome === 'skipped');
              return (
                <li key={r.id}>
                  <strong>
                    {r.weekdays.map(dayName).join(', ')} at {r.time}
                  </strong>
                  <span className="muted">
                    ({r.timeZone}) · {r.durationMinutes} min · from {r.startsOn}
                    {r.endsAt ? ` until ${formatDate(r.endsAt, me.timeZone)}` : ''} · {upcoming.length}{' '}
                    upcoming
                    {skipped.length > 0 ? ` · ${skipped.length} skipped (conflicts)` : ''}
                  </span>
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
                      summary={`${r.weekdays.map(dayName).join(', ')} at ${r.time}`}
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
          <h2>Homework</h2>
          <ErrorBox error={homework.error} />
          {homework.data && homework.data.homework.length === 0 && (
            <p className="muted">No homework assigned.</p>
          )}
          <ul className="plain-list">
            {homework.data?.homework.map((h) => (
              <li key={h.id}>
                <Badge tone={statusTone(h.status)}>{h.status}</Badge> {h.title ?? 'Lesson'}
                <span className="muted"> · {h.scheduledFor ? relative(h.scheduledFor) : 'no date'}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <div className="card-head">
            <h2>Lessons</h2>
            {analyses.bulkButton}
          </div>
          {canManage && <SummarySwitch url={`${base}/post-session-summary`} label="this enrollment" />}
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
