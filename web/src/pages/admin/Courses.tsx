// Courses (admins): each course with the language it teaches and its ordered lessons; create a course, set its
// language, add a lesson, enroll a student.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, idempotencyKey } from '../../lib/api';
import { Link } from '../../lib/router';
import { useAction, useApi } from '../../lib/useApi';
import type { Course, Enrollment } from '../../lib/types';
import { PageHeader } from '../../ui/Layout';
import { Dialog } from '../../ui/Dialog';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import type { Person } from './People';
import { CourseLanguage, LanguageOptions } from './CourseLanguage';

const KINDS = ['class', 'homework', 'independent'] as const;
type Kind = (typeof KINDS)[number];

/** A lesson's kind as people read it (an unknown one as it comes). */
const kindLabel = (t: TFunction<'admin'>, kind: string) =>
  (KINDS as readonly string[]).includes(kind) ? t(`courses.lessonKind.${kind as Kind}`) : kind;

export default function Courses(_: { params: Record<string, string> }) {
  const { t } = useTranslation('admin');
  const courses = useApi<{ courses: Course[] }>('/api/courses');
  const enrollments = useApi<{ enrollments: Enrollment[] }>('/api/enrollments');
  const [creating, setCreating] = useState(false);
  const [lessonFor, setLessonFor] = useState<Course | null>(null);
  const [enrollIn, setEnrollIn] = useState<Course | null>(null);
  return (
    <section>
      <PageHeader
        title={t('courses.title')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('courses.newCourse')}
          </button>
        }
      />
      <ErrorBox error={courses.error} onRetry={courses.reload} />
      {courses.loading && !courses.data && <Loading />}
      {courses.data && courses.data.courses.length === 0 && <Empty title={t('courses.empty')} />}
      {courses.data?.courses.map((c) => {
        const enrolled = (enrollments.data?.enrollments ?? []).filter((e) => e.courseId === c.id);
        return (
          <article className="card" key={c.id}>
            <div className="card-head">
              <h2>{c.name}</h2>
              <div className="row-tight">
                <CourseLanguage course={c} onDone={courses.reload} />
                <button type="button" className="btn btn-small" onClick={() => setLessonFor(c)}>
                  {t('courses.addLesson')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setEnrollIn(c)}>
                  {t('courses.enrollStudent')}
                </button>
              </div>
            </div>
            <div className="grid-2">
              <div>
                <h3>{t('courses.lessons', { n: c.lessons.length })}</h3>
                <ol className="list">
                  {c.lessons.map((l) => (
                    <li key={l.id}>
                      {l.title} <span className="muted">({kindLabel(t, l.kind)})</span>{' '}
                      <Link
                        href={`/platform/courses/${c.id}/lessons/${l.id}/content`}
                        aria-label={t('courses.editContentOf', { lesson: l.title })}
                      >
                        {t('courses.editContent')}
                      </Link>
                    </li>
                  ))}
                </ol>
              </div>
              <div>
                <h3>{t('courses.enrolled', { n: enrolled.length })}</h3>
                <ul className="list">
                  {enrolled.map((e) => (
                    <li key={e.id}>
                      <Link href={`/platform/enrollments/${e.id}`}>{e.studentName}</Link>{' '}
                      <span className="muted">{t('courses.withTeacher', { teacher: e.teacherName })}</span>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </article>
        );
      })}
      {creating && (
        <NewCourse onClose={() => setCreating(false)} onDone={() => (setCreating(false), courses.reload())} />
      )}
      {lessonFor && (
        <AddLesson
          course={lessonFor}
          onClose={() => setLessonFor(null)}
          onDone={() => (setLessonFor(null), courses.reload())}
        />
      )}
      {enrollIn && (
        <Enroll
          course={enrollIn}
          onClose={() => setEnrollIn(null)}
          onDone={() => (setEnrollIn(null), enrollments.reload())}
        />
      )}
    </section>
  );
}

function NewCourse({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name, language: language || null, lessons: [] };
    if (await action.run(() => api.post('/api/courses', body, idempotencyKey()))) onDone();
  };
  return (
    <Dialog title={t('courses.newCourse')} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('courses.name')}</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('courses.languageTaught')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value)}>
            <LanguageOptions />
          </select>
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('courses.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function AddLesson({ course, onClose, onDone }: { course: Course; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('class');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      await action.run(() => api.post(`/api/courses/${course.id}/lessons`, { title, kind }, idempotencyKey()))
    )
      onDone();
  };
  return (
    <Dialog title={t('courses.addLessonTo', { course: course.name })} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('courses.lessonTitle')}</span>
          <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('courses.lessonType')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(t, k)}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('courses.addLessonSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Enroll({ course, onClose, onDone }: { course: Course; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const people = useApi<{ people: Person[] }>('/api/people');
  const [studentId, setStudentId] = useState('');
  const [teacherId, setTeacherId] = useState('');
  const [minutes, setMinutes] = useState('45');
  const [cost, setCost] = useState('1');
  const action = useAction();
  const all = people.data?.people ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      courseId: course.id,
      studentId,
      teacherId,
      defaultLessonMinutes: Number(minutes),
      lessonCostTokens: Number(cost),
    };
    if (await action.run(() => api.post('/api/enrollments', body, idempotencyKey()))) onDone();
  };
  return (
    <Dialog title={t('courses.enrollIn', { course: course.name })} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={people.error ?? action.error} />
        <label className="field">
          <span>{t('courses.student')}</span>
          <select required value={studentId} onChange={(e) => setStudentId(e.target.value)}>
            <option value="">{t('courses.chooseStudent')}</option>
            {all
              .filter((p) => p.role === 'student')
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span>{t('courses.teacher')}</span>
          <select required value={teacherId} onChange={(e) => setTeacherId(e.target.value)}>
            <option value="">{t('courses.chooseTeacher')}</option>
            {all
              .filter((p) => p.role !== 'student')
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span>{t('courses.lessonLength')}</span>
          <input
            type="number"
            min={5}
            max={480}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('courses.lessonCost')}</span>
          <input type="number" min={0} value={cost} onChange={(e) => setCost(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('courses.enroll')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
