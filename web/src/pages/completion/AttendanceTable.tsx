// The attendance table of a lesson's completion: minutes present from the room, present/absent per student and
// an optional reason (required for someone marked present who never joined).
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleEntry } from '../../lib/types';
import { Badge } from '../../ui/feedback';
import type { Lifecycle } from './types';

export type Mark = { status: 'present' | 'absent'; reason: string };

export function AttendanceTable({
  session,
  lifecycle,
  marks,
  setMarks,
}: {
  session: ScheduleEntry;
  lifecycle: Lifecycle | undefined;
  marks: Record<string, Mark>;
  setMarks: Dispatch<SetStateAction<Record<string, Mark>>>;
}) {
  const { t } = useTranslation('completion');
  const minutes = (id: string) => lifecycle?.attendance.find((a) => a.personId === id);
  return session.participants.length === 0 ? (
    <p className="muted">{t('completion.noStudents')}</p>
  ) : (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('completion.student')}</th>
          <th scope="col" className="num">
            {t('completion.minutesPresent')}
          </th>
          <th scope="col">{t('completion.attendance')}</th>
          <th scope="col">{t('completion.reasonOptional')}</th>
        </tr>
      </thead>
      <tbody>
        {session.participants.map((p) => {
          const m = marks[p.studentId]!;
          const seen = minutes(p.studentId);
          const set = (patch: Partial<Mark>) =>
            setMarks((all) => ({ ...all, [p.studentId]: { ...m, ...patch } }));
          return (
            <tr key={p.studentId}>
              <td>
                {p.name} {seen?.late && <Badge tone="warn">{t('completion.late')}</Badge>}{' '}
                {seen?.inRoom && <Badge tone="info">{t('completion.inRoom')}</Badge>}
              </td>
              <td className="num">{seen ? seen.minutesPresent : '—'}</td>
              <td>
                <div
                  className="chips"
                  role="radiogroup"
                  aria-label={t('completion.attendanceOf', { name: p.name })}
                >
                  {(['present', 'absent'] as const).map((s) => (
                    <label className="chip" key={s}>
                      <input
                        type="radio"
                        name={`att-${p.studentId}`}
                        checked={m.status === s}
                        onChange={() => set({ status: s })}
                      />
                      {s === 'present' ? t('completion.present') : t('completion.absent')}
                    </label>
                  ))}
                </div>
              </td>
              <td>
                <input
                  aria-label={t('completion.reasonFor', { name: p.name })}
                  value={m.reason}
                  maxLength={500}
                  // Someone who never joined counts as present only with a reason (e.g. joined by phone).
                  required={m.status === 'present' && !seen?.firstJoinedAt}
                  placeholder={
                    m.status === 'present' && !seen?.firstJoinedAt ? t('completion.reasonRequired') : ''
                  }
                  onChange={(e) => set({ reason: e.target.value })}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
