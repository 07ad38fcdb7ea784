import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  title: 'Записи',
  studentIntro: 'Ваші курси та викладачі.',
  staffIntro: 'Студенти на курсах: правила розкладу, домашні завдання та уроки.',
  none: 'Записів на курси ще немає.',
  adminHint: 'Записуйте студентів на сторінці «Курси».',
  table: {
    student: 'Студент',
    course: 'Курс',
    teacher: 'Викладач',
    lessonLength: 'Тривалість уроку',
    lessonCost: 'Вартість уроку',
  },
  minutes: '{{minutes}} хв',
  tokens_one: '{{count}} токен',
  tokens_few: '{{count}} токени',
  tokens_many: '{{count}} токенів',
  tokens_other: '{{count}} токена',
};
export default uk;
