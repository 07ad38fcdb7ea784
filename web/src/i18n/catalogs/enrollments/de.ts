import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  title: 'Einschreibungen',
  studentIntro: 'Ihre Kurse und Lehrkräfte.',
  staffIntro: 'Lernende in Kursen: Terminregeln, Hausaufgaben und Lektionen.',
  none: 'Noch keine Einschreibungen.',
  adminHint: 'Schreiben Sie Lernende auf der Seite „Kurse“ ein.',
  table: {
    student: 'Lernende(r)',
    course: 'Kurs',
    teacher: 'Lehrkraft',
    lessonLength: 'Lektionsdauer',
    lessonCost: 'Lektionskosten',
  },
  minutes: '{{minutes}} Min.',
  tokens_one: '{{count}} Token',
  tokens_other: '{{count}} Tokens',
};
export default de;
