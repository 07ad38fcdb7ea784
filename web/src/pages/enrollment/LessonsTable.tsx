// The enrollment's lessons: status, score (homework, else the live session's exercises) and date per lesson,
// "Open in New Tab" for the lesson, and the lesson editor for teachers and admins.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import { formatDateTime } from '../../lib/time';
import type { EnrollmentLesson } from '../../../../contract/enrollments';
import { Badge, statusTone } from '../../ui/feedback';
import { scoreText, useScores } from '../../lessons/useScores';
import { useHomeworkLabels } from '../homework/status';

type Props = {
  enrollmentId: string;
  courseId: string;
  studentId: string;
  lessons: EnrollmentLesson[];
  timeZone: string;
  canEdit: boolean;
  refresh?: number;
  /** More actions at the end of a lesson's row (lesson analysis, the session's summary). */
  extra?: (lesson: EnrollmentLesson) => ReactNode;
};

const KINDS = ['class', 'homework', 'independent'] as const;
const STATUSES = ['completed', 'upcoming', 'not_scheduled'] as const;
type Kind = (typeof KINDS)[number];
type Status = (typeof STATUSES)[number];

const lessonTone = (l: EnrollmentLesson) =>
  statusTone(l.status === 'not_scheduled' ? 'neutral' : l.status === 'upcoming' ? 'scheduled' : l.status);

export function LessonsTable({
  enrollmentId,
  courseId,
  studentId,
  lessons,
  timeZone,
  canEdit,
  refresh,
  extra,
}: Props) {
  const { t } = useTranslation('enrollments');
  const homeworkLabels = useHomeworkLabels();
  const kindLabel = (k: string) =>
    (KINDS as readonly string[]).includes(k) ? t(`lessonKind.${k as Kind}`) : k;
  const statusLabel = (s: string) =>
    (STATUSES as readonly string[]).includes(s) ? t(`lessonStatus.${s as Status}`) : s.replace('_', ' ');
  const places = useMemo(
    () =>
      Object.fromEntries(
        lessons.flatMap((l) =>
          l.homework
            ? [[l.courseLessonId, `/api/enrollments/${enrollmentId}/homework/${l.homework.id}`]]
            : l.liveSessionId && l.status === 'completed'
              ? [[l.courseLessonId, `/api/live-sessions/${l.liveSessionId}`]]
              : [],
        ),
      ),
    [lessons, enrollmentId],
  );
  const scores = useScores(places, studentId, refresh);
  return (
    <table className="table" aria-label={t('lessons.label')}>
      <thead>
        <tr>
          <th scope="col">{t('lessons.position')}</th>
          <th scope="col">{t('lessons.lesson')}</th>
          <th scope="col">{t('lessons.type')}</th>
          <th scope="col">{t('lessons.status')}</th>
          <th scope="col">{t('lessons.score')}</th>
          <th scope="col">{t('lessons.when')}</th>
          <th scope="col">
            <span className="sr-only">{t('lessons.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lessons.map((l) => {
          const s = scores[l.courseLessonId];
          const homework = l.homework ? homeworkLabels.status(l.homework.status) : null;
          return (
            <tr key={l.courseLessonId} data-testid="enrollment-lesson" data-lesson={l.title}>
              <td>{l.position}</td>
              <td>{l.title}</td>
              <td className="cap">{kindLabel(l.type)}</td>
              <td>
                <Badge tone={lessonTone(l)}>{statusLabel(l.status)}</Badge>
                {l.homework && (
                  <>
                    {' '}
                    <Badge tone={statusTone(l.homework.status)}>
                      <span data-testid="lesson-homework-status">
                        {t('lessons.homework', { status: homework })}
                      </span>
                    </Badge>
                  </>
                )}
              </td>
              <td>
                <span data-testid="lesson-score">{scoreText(s)}</span>
                {s?.lastAttempt && (
                  <div className="muted">{homeworkLabels.outcome(s.lastAttempt.outcome)}</div>
                )}
              </td>
              <td>
                {l.liveSessionId && l.start ? (
                  <Link href={`/platform/sessions/${l.liveSessionId}`}>
                    {formatDateTime(l.start, timeZone)}
                  </Link>
                ) : s?.lastAttempt ? (
                  t('lessons.handedIn', { date: formatDateTime(s.lastAttempt.submittedAt, timeZone) })
                ) : l.homework?.scheduledFor ? (
                  t('lessons.due', { date: formatDateTime(l.homework.scheduledFor, timeZone) })
                ) : (
                  '—'
                )}
              </td>
              <td className="row-tight">
                <a
                  className="btn btn-small"
                  href={`/platform/enrollments/${enrollmentId}?lesson=${l.courseLessonId}`}
                  target="_blank"
                  rel="noopener"
                  aria-label={t('lessons.openInTabLabel', { title: l.title })}
                >
                  {t('lessons.openInTab')}
                </a>
                {canEdit && (
                  <Link
                    className="btn btn-small"
                    href={`/platform/courses/${courseId}/lessons/${l.courseLessonId}/content`}
                    aria-label={t('lessons.editLabel', { title: l.title })}
                  >
                    {t('lessons.edit')}
                  </Link>
                )}
                {extra?.(l)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
