import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  title: 'Створити заняття',
  course: 'Курс',
  chooseCourse: 'Виберіть курс…',
  lesson: 'Урок курсу (необовʼязково)',
  noLesson: 'Без конкретного уроку',
  lessonOption: '{{position}}. {{title}} ({{kind}})',
  lessonKind: {
    class: 'заняття',
    homework: 'домашнє завдання',
    independent: 'самостійна робота',
  },
  start: 'Дата й час ({{timeZone}})',
  duration: {
    label: 'Тривалість',
    default: 'За замовчуванням',
    defaultMinutes: 'За замовчуванням ({{minutes}} хв)',
    minutes: '{{minutes}} хв',
    other: 'Інша',
    otherMinutes: 'Хвилини',
  },
  kind: {
    label: 'Тип зустрічі',
    individual: 'Індивідуальне',
    group: 'Групове',
  },
  student: 'Студент',
  chooseStudent: 'Виберіть студента…',
  chooseCourseFirst: 'Спочатку виберіть курс',
  studentWithTeacher: '{{student}} (викладач {{teacher}})',
  teacher: 'Викладач',
  chooseTeacher: 'Виберіть викладача…',
  studentGroup: 'Група студентів',
  noGroup: 'Без групи',
  students: 'Студенти',
  studentsBesidesGroup: 'Студенти (додатково до групи)',
  noStudents: 'Ще немає записаних студентів.',
  sessionTitle: 'Назва (необовʼязково)',
  sessionTitlePlaceholder: 'напр., Повторення теперішнього часу',
  notes: 'Нотатки (необовʼязково)',
  notesPlaceholder: 'Підготовка або план',
  saving: 'Збереження…',
};
export default uk;
