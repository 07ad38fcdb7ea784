// The enrollment's lessons: status, score (homework, else the live session's exercises) and date per lesson,
// "Open in New Tab" for the lesson, and the lesson editor for teachers and admins.
import { useMemo, type ReactNode } from 'react';
import { Link } from '../../lib/router';
import { formatDateTime } from '../../lib/time';
import type { EnrollmentLesson } from '../../../../contract/enrollments';
import { Badge, statusTone } from '../../ui/feedback';
import { OUTCOME_LABELS, scoreText, useScores } from '../../lessons/useScores';
import { HOMEWORK_STATUS } from '../homework/status';

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
    <table className="table" aria-label="Lessons">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Lesson</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Score</th>
          <th scope="col">When</th>
          <th scope="col">
            <span className="sr-only">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lessons.map((l) => {
          const s = scores[l.courseLessonId];
          const homework = l.homework ? (HOMEWORK_STATUS[l.homework.status] ?? l.homework.status) : null;
          return (
            <tr key={l.courseLessonId} data-testid="enrollment-lesson" data-lesson={l.title}>
              <td>{l.position}</td>
              <td>{l.title}</td>
              <td className="cap">{l.type}</td>
              <td>
                <Badge tone={lessonTone(l)}>{l.status.replace('_', ' ')}</Badge>
                {l.homework && (
                  <>
                    {' '}
                    <Badge tone={statusTone(l.homework.status)}>
                      <span data-testid="lesson-homework-status">Homework {homework}</span>
                    </Badge>
                  </>
                )}
              </td>
              <td>
                <span data-testid="lesson-score">{scoreText(s)}</span>
                {s?.lastAttempt && (
                  <div className="muted">
                    {OUTCOME_LABELS[s.lastAttempt.outcome] ?? s.lastAttempt.outcome}
                  </div>
                )}
              </td>
              <td>
                {l.liveSessionId && l.start ? (
                  <Link href={`/platform/sessions/${l.liveSessionId}`}>
                    {formatDateTime(l.start, timeZone)}
                  </Link>
                ) : s?.lastAttempt ? (
                  `handed in ${formatDateTime(s.lastAttempt.submittedAt, timeZone)}`
                ) : l.homework?.scheduledFor ? (
                  `due ${formatDateTime(l.homework.scheduledFor, timeZone)}`
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
                  aria-label={`Open in New Tab: ${l.title}`}
                >
                  Open in New Tab
                </a>
                {canEdit && (
                  <Link
                    className="btn btn-small"
                    href={`/platform/courses/${courseId}/lessons/${l.courseLessonId}/content`}
                    aria-label={`Edit content: ${l.title}`}
                  >
                    Edit content
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
