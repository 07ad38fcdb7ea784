// "Create Session": course, lesson, date and time, duration, individual or group, participants, title, notes.
import { Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../lib/api';
import { useMe } from '../lib/auth';
import { useAction, useApi } from '../lib/useApi';
import { isoToZoned, zonedToIso } from '../lib/time';
import type { Course, Enrollment, ScheduleEntry } from '../lib/types';
import { Dialog } from '../ui/Dialog';
import { ErrorBox, Loading } from '../ui/feedback';
import { DurationField } from './createSession/DurationField';
import { GroupParticipants } from './createSession/GroupParticipants';

type Group = { id: string; name: string; kind?: string; memberCount?: number };
const LESSON_KINDS = ['class', 'homework', 'independent'] as const;
type LessonKind = (typeof LESSON_KINDS)[number];

function nextHour(timeZone: string) {
  const d = new Date(Date.now() + 3_600_000);
  d.setUTCMinutes(0, 0, 0);
  return isoToZoned(d.toISOString(), timeZone);
}

type Props = {
  initialStart?: string;
  initial?: { courseId?: string; courseLessonId?: string | null; enrollmentId?: string | null };
  onClose: () => void;
  onCreated: (s: ScheduleEntry) => void;
};

/** The dialog waits for its own catalogue here, so the schedule behind it does not turn into a spinner. */
export function CreateSession(props: Props) {
  return (
    <Suspense fallback={null}>
      <CreateSessionDialog {...props} />
    </Suspense>
  );
}

function CreateSessionDialog(props: Props) {
  const { t } = useTranslation(['createSession', 'common']);
  const me = useMe();
  const courses = useApi<{ courses: Course[] }>('/api/courses');
  const enrollments = useApi<{ enrollments: Enrollment[] }>('/api/enrollments');
  const groups = useApi<{ groups: Group[] }>('/api/groups');
  const action = useAction();

  const [courseId, setCourseId] = useState(props.initial?.courseId ?? '');
  const [lessonId, setLessonId] = useState(props.initial?.courseLessonId ?? '');
  const [start, setStart] = useState(
    props.initialStart
      ? isoToZoned(new Date(props.initialStart).toISOString(), me.timeZone)
      : nextHour(me.timeZone),
  );
  const [duration, setDuration] = useState<string>('');
  const [other, setOther] = useState('50');
  const [kind, setKind] = useState<'individual' | 'group'>('individual');
  const [enrollmentId, setEnrollmentId] = useState(props.initial?.enrollmentId ?? '');
  const [studentIds, setStudentIds] = useState<string[]>([]);
  const [groupId, setGroupId] = useState('');
  const [teacherId, setTeacherId] = useState('');
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');

  const allCourses = courses.data?.courses ?? [];
  const course = allCourses.find((c) => c.id === courseId);
  const allEnrollments = enrollments.data?.enrollments ?? [];
  const courseEnrollments = allEnrollments.filter((e) => e.courseId === courseId);
  const students = useMemo(() => {
    const seen = new Map<string, { id: string; name: string; course: string }>();
    // Students of this course first, then those of other courses ("add students from different courses").
    for (const e of [...courseEnrollments, ...allEnrollments.filter((x) => x.courseId !== courseId)])
      if (!seen.has(e.studentId))
        seen.set(e.studentId, {
          id: e.studentId,
          name: e.studentName ?? e.studentId,
          course: e.courseName ?? '',
        });
    return [...seen.values()];
  }, [allEnrollments, courseEnrollments, courseId]);
  const teachers = useMemo(() => {
    const seen = new Map<string, string>();
    for (const e of allEnrollments) seen.set(e.teacherId, e.teacherName ?? e.teacherId);
    return [...seen.entries()];
  }, [allEnrollments]);
  const studentGroups = (groups.data?.groups ?? []).filter((g) => !g.kind || g.kind === 'students');

  useEffect(() => {
    if (!courseId && allCourses.length === 1) setCourseId(allCourses[0]!.id);
  }, [allCourses, courseId]);
  const enrollment = allEnrollments.find((e) => e.id === enrollmentId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minutes = duration === 'other' ? Number(other) : duration ? Number(duration) : null;
    const body = {
      kind,
      courseId,
      courseLessonId: lessonId || null,
      enrollmentId: kind === 'individual' ? enrollmentId || null : null,
      studentIds: kind === 'group' ? studentIds : [],
      studentGroupId: kind === 'group' ? groupId || null : null,
      teacherId: kind === 'group' && me.role === 'admin' ? teacherId || null : null,
      start: zonedToIso(start, me.timeZone),
      durationMinutes: minutes,
      timeZone: me.timeZone,
      title: title.trim() || null,
      notes: notes.trim() || null,
    };
    const created = await action.run(() =>
      api.post<ScheduleEntry>('/api/live-sessions', body, idempotencyKey()),
    );
    if (created) props.onCreated(created);
  };

  const ready = !courses.loading && !enrollments.loading;
  return (
    <Dialog title={t('title')} open onClose={props.onClose} wide>
      {!ready ? (
        <Loading />
      ) : (
        <form onSubmit={submit} className="form-grid">
          <ErrorBox error={courses.error ?? enrollments.error ?? action.error} />
          <label className="field">
            <span>{t('course')}</span>
            <select
              required
              value={courseId}
              onChange={(e) => (setCourseId(e.target.value), setLessonId(''), setEnrollmentId(''))}
            >
              <option value="">{t('chooseCourse')}</option>
              {allCourses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('lesson')}</span>
            <select value={lessonId} onChange={(e) => setLessonId(e.target.value)} disabled={!course}>
              <option value="">{t('noLesson')}</option>
              {course?.lessons.map((l) => (
                <option key={l.id} value={l.id}>
                  {t('lessonOption', {
                    position: l.position,
                    title: l.title,
                    kind: (LESSON_KINDS as readonly string[]).includes(l.kind)
                      ? t(`lessonKind.${l.kind as LessonKind}`)
                      : l.kind,
                  })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('start', { timeZone: me.timeZone })}</span>
            <input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
          </label>
          <DurationField
            duration={duration}
            setDuration={setDuration}
            other={other}
            setOther={setOther}
            defaultMinutes={
              kind === 'individual' && enrollment
                ? enrollment.defaultLessonMinutes
                : kind === 'group'
                  ? 60
                  : undefined
            }
          />
          <fieldset className="field">
            <legend>{t('kind.label')}</legend>
            <div className="chips">
              <label className="chip">
                <input
                  type="radio"
                  name="kind"
                  checked={kind === 'individual'}
                  onChange={() => setKind('individual')}
                />
                {t('kind.individual')}
              </label>
              <label className="chip">
                <input
                  type="radio"
                  name="kind"
                  checked={kind === 'group'}
                  onChange={() => setKind('group')}
                />
                {t('kind.group')}
              </label>
            </div>
          </fieldset>
          {kind === 'individual' ? (
            <label className="field field-wide">
              <span>{t('student')}</span>
              <select
                required
                value={enrollmentId}
                onChange={(e) => setEnrollmentId(e.target.value)}
                disabled={!courseId}
              >
                <option value="">{courseId ? t('chooseStudent') : t('chooseCourseFirst')}</option>
                {courseEnrollments.map((e) => (
                  <option key={e.id} value={e.id}>
                    {me.role === 'admin'
                      ? t('studentWithTeacher', {
                          student: e.studentName ?? '',
                          teacher: e.teacherName ?? '',
                        })
                      : e.studentName}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <GroupParticipants
              me={me}
              teachers={teachers}
              teacherId={teacherId}
              setTeacherId={setTeacherId}
              studentGroups={studentGroups}
              groupId={groupId}
              setGroupId={setGroupId}
              students={students}
              studentIds={studentIds}
              setStudentIds={setStudentIds}
            />
          )}
          <label className="field field-wide">
            <span>{t('sessionTitle')}</span>
            <input
              value={title}
              maxLength={200}
              placeholder={t('sessionTitlePlaceholder')}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <label className="field field-wide">
            <span>{t('notes')}</span>
            <textarea
              value={notes}
              maxLength={4000}
              rows={3}
              placeholder={t('notesPlaceholder')}
              onChange={(e) => setNotes(e.target.value)}
            />
          </label>
          <div className="form-actions field-wide">
            <button type="button" className="btn" onClick={props.onClose}>
              {t('action.cancel', { ns: 'common' })}
            </button>
            <button type="submit" className="btn btn-primary" disabled={action.pending}>
              {action.pending ? t('saving') : t('action.save', { ns: 'common' })}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
