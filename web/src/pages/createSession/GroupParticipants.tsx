// The Create Session dialog's group fields: the teacher (admins), the student group and the students to add.
import { useTranslation } from 'react-i18next';
import type { Me } from '../../lib/auth';

type Group = { id: string; name: string; kind?: string; memberCount?: number };
type StudentOption = { id: string; name: string; course: string };

export function GroupParticipants({
  me,
  teachers,
  teacherId,
  setTeacherId,
  studentGroups,
  groupId,
  setGroupId,
  students,
  studentIds,
  setStudentIds,
}: {
  me: Me;
  teachers: [string, string][];
  teacherId: string;
  setTeacherId: (id: string) => void;
  studentGroups: Group[];
  groupId: string;
  setGroupId: (id: string) => void;
  students: StudentOption[];
  studentIds: string[];
  setStudentIds: (update: (ids: string[]) => string[]) => void;
}) {
  const { t } = useTranslation('createSession');
  return (
    <>
      {me.role === 'admin' && (
        <label className="field">
          <span>{t('teacher')}</span>
          <select required value={teacherId} onChange={(e) => setTeacherId(e.target.value)}>
            <option value="">{t('chooseTeacher')}</option>
            {teachers.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      {studentGroups.length > 0 && (
        <label className="field">
          <span>{t('studentGroup')}</span>
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">{t('noGroup')}</option>
            {studentGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="field field-wide">
        <legend>{studentGroups.length > 0 ? t('studentsBesidesGroup') : t('students')}</legend>
        {students.length === 0 ? (
          <p className="hint">{t('noStudents')}</p>
        ) : (
          <div className="checklist">
            {students.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={studentIds.includes(s.id)}
                  onChange={(e) =>
                    setStudentIds((ids) =>
                      e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id),
                    )
                  }
                />
                {s.name} <span className="muted">{s.course}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
    </>
  );
}
