// The shapes the API returns: the zod response schemas in contract/ are the source of truth (types only here).
import type { ScheduleEntry } from '../../../contract/schedule';
import { i18next } from '../i18n';

export type { Course, Enrollment, Lesson, Participant, ScheduleEntry } from '../../../contract/schedule';

/** A session's title: its own, else its course (and student, for a lesson), else a word in the interface's language. */
export const sessionTitle = (s: ScheduleEntry) =>
  s.title ??
  (s.kind === 'individual' && s.participants[0]?.name
    ? `${s.courseName ?? i18next.t('untitled.lesson', { ns: 'common' })} · ${s.participants[0].name}`
    : (s.courseName ?? i18next.t('untitled.session', { ns: 'common' })));
