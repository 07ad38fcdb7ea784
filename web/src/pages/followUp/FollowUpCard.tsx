// The follow-up message after a lesson on the session page: what the teacher wrote, and for a student their
// homework of the lesson and their next session; staff see each student's part. Nothing until one was sent.
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import { useMe } from '../../lib/auth';
import { useApi } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import type { Participant } from '../../lib/types';
import type { FollowUpView } from '../../../../contract/followUp';

type Part = FollowUpView['students'][number];

const isLink = (text: string) => /^https?:\/\/\S+$/.test(text);

export function FollowUpCard({
  liveSessionId,
  participants,
}: {
  liveSessionId: string;
  participants: Participant[];
}) {
  const { t } = useTranslation('completion');
  const me = useMe();
  const followUp = useApi<FollowUpView>(`/api/live-sessions/${liveSessionId}/follow-up`);
  const f = followUp.data;
  if (!f) return null;
  const name = (id: string) => participants.find((p) => p.studentId === id)?.name ?? t('followUp.student');
  const student = me.role === 'student';
  return (
    <section className="card" aria-labelledby="follow-up-title" data-testid="follow-up">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      <p className="muted">
        {t(f.revision > 0 ? 'followUp.sentCorrected' : 'followUp.sent', {
          when: formatDateTime(f.sentAt, me.timeZone),
        })}
      </p>
      <h3>{t('followUp.keyPoints')}</h3>
      <p className="prewrap">{f.keyPoints}</p>
      {f.resources.length > 0 && (
        <>
          <h3>{t('followUp.resources')}</h3>
          <ul className="list">
            {f.resources.map((r, i) => (
              <li key={i}>
                {isLink(r) ? (
                  <a href={r} target="_blank" rel="noreferrer noopener">
                    {r}
                  </a>
                ) : (
                  r
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {f.preparation && (
        <>
          <h3>{t('followUp.preparation')}</h3>
          <p className="prewrap">{f.preparation}</p>
        </>
      )}
      {f.students.map((s) => (
        <StudentPart key={s.studentId} part={s} title={student ? null : name(s.studentId)} />
      ))}
    </section>
  );
}

function StudentPart({ part, title }: { part: Part; title: string | null }) {
  const { t } = useTranslation('completion');
  const me = useMe();
  return (
    <div className="follow-up-student" data-testid="follow-up-student">
      {title && <h3>{title}</h3>}
      <dl className="facts">
        <dt>{title ? t('followUp.homework') : t('followUp.yourHomework')}</dt>
        <dd>
          {part.homework.length > 0
            ? part.homework.map((h, n) => (
                <span key={h.homeworkId}>
                  {n > 0 && ', '}
                  <Link href={`/platform/enrollments/${h.enrollmentId}/homework/${h.homeworkId}`}>
                    {h.title ?? t('followUp.untitledHomework')}
                  </Link>
                </span>
              ))
            : t('followUp.nothingToDo')}
        </dd>
        <dt>{title ? t('followUp.nextSession') : t('followUp.yourNextSession')}</dt>
        <dd>
          {part.nextSession ? (
            <Link href={`/platform/sessions/${part.nextSession.liveSessionId}`}>
              {formatDateTime(part.nextSession.start, me.timeZone)}
            </Link>
          ) : (
            t('followUp.notScheduled')
          )}
        </dd>
      </dl>
    </div>
  );
}
