// A lesson opened from the enrollment (?lesson=…, as "Open in New Tab" does): its content as the student sees
// it, the homework to do, and for teachers the editor.
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/useApi';
import type { EnrollmentLesson } from '../../../../contract/enrollments';
import type { LessonContent } from '../../../../contract/lessons';
import { ErrorBox, Loading } from '../../ui/feedback';
import { toStudentView } from '../../lessons/studentView';
import { LessonView } from '../../lessons/view/LessonView';

type Props = { enrollmentId: string; courseId: string; lesson: EnrollmentLesson; canEdit: boolean };

export function OpenedLesson({ enrollmentId, courseId, lesson, canEdit }: Props) {
  const { t } = useTranslation('enrollments');
  const content = useApi<LessonContent>(`/api/courses/${courseId}/lessons/${lesson.courseLessonId}/content`);
  return (
    <section
      className="card"
      aria-label={t('opened.label', { title: lesson.title })}
      data-testid="opened-lesson"
    >
      <div className="card-head">
        <h2>
          {lesson.position}. {lesson.title}
        </h2>
        <div className="row-tight">
          {lesson.homework && (
            <Link
              className="btn btn-small btn-primary"
              href={`/platform/enrollments/${enrollmentId}/homework/${lesson.homework.id}`}
            >
              {canEdit ? t('opened.review') : t('opened.doIt')}
            </Link>
          )}
          {canEdit && (
            <Link
              className="btn btn-small"
              href={`/platform/courses/${courseId}/lessons/${lesson.courseLessonId}/content`}
            >
              {t('opened.edit')}
            </Link>
          )}
          <Link className="btn btn-small btn-ghost" href={`/platform/enrollments/${enrollmentId}`}>
            {t('opened.close')}
          </Link>
        </div>
      </div>
      {content.loading && !content.data && <Loading />}
      <ErrorBox error={content.error} />
      {content.data && <LessonView document={toStudentView(content.data.document)} />}
    </section>
  );
}
