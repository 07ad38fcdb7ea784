// The language a course teaches, chosen from the taught languages (Courses, and the New course dialog).
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import type { Course } from '../../lib/types';
import { ErrorBox } from '../../ui/feedback';
import { TAUGHT_LANGUAGES } from '../../../../contract/languages';

/** The languages a course can teach, and "not set". */
export function LanguageOptions() {
  const { t } = useTranslation('admin');
  return (
    <>
      <option value="">{t('courses.notSet')}</option>
      {(Object.keys(TAUGHT_LANGUAGES) as (keyof typeof TAUGHT_LANGUAGES)[]).map((code) => (
        <option key={code} value={code}>
          {t(`courses.language.${code}`)}
        </option>
      ))}
    </>
  );
}

/** The language a course teaches: its lesson analyses are written in it. */
export function CourseLanguage({ course, onDone }: { course: Course; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const action = useAction();
  const change = async (language: string) => {
    if (await action.run(() => api.patch(`/api/courses/${course.id}`, { language: language || null })))
      onDone();
  };
  return (
    <label className="field-inline">
      <span>{t('courses.teaches')}</span>
      <select
        aria-label={t('courses.languageOf', { course: course.name })}
        value={course.language ?? ''}
        disabled={action.pending}
        onChange={(e) => void change(e.target.value)}
      >
        <LanguageOptions />
      </select>
      <ErrorBox error={action.error} />
    </label>
  );
}
