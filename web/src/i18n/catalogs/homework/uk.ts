import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  status: {
    added: 'Задано',
    started: 'Розпочато',
    passed: 'Складено',
    verified: 'Підтверджено',
  },
  outcome: {
    passed: 'Складено',
    try_again: 'Спробуйте ще раз',
    awaiting_grading: 'Чекає на викладача',
  },
  lesson: 'Урок',
  student: 'Студент',
  detail: {
    back: '← Домашні завдання',
    title: 'Домашнє завдання',
    verify: 'Підтвердити',
    revoke: 'Скасувати підтвердження',
    closedVerified: 'Підтверджено вашим викладачем.',
    closedPassed: 'Складено.',
    closedHandedIn: 'Здано.',
    due: 'термін: {{date}}',
    noDue: 'без терміну',
    passMark: 'прохідний бал {{passMark}} %',
    noExercises: 'У цьому уроці ще немає вправ.',
  },
  attempts: {
    label: 'Спроби',
    attempt: 'Спроба {{attempt}}',
    result: '{{score}} / {{maxScore}} ({{percent}} %, прохідний бал {{passMark}} %)',
  },
  handIn: {
    label: 'Здати',
    button: 'Здати',
    passed: 'Складено з результатом {{percent}} % (прохідний бал {{passMark}} %).',
    tryAgain:
      'Спроба {{attempt}}: {{percent}} %, нижче прохідного балу {{passMark}} %. Спробуйте ще раз: вашу спробу збережено.',
    awaiting: 'Здано: викладач оцінить есе, після цього результат зʼявиться тут.',
    answerFirst: 'Перш ніж здати, дайте відповідь хоча б на одну вправу.',
  },
  mine: {
    title: 'Мої домашні завдання',
    intro: 'Відкрийте завдання, щоб відповісти на нього, а потім здайте його.',
    empty: 'Зараз домашніх завдань немає.',
    lesson: 'Урок',
    status: 'Статус',
    due: 'Термін',
    score: 'Бали',
    lastAttempt: 'Остання спроба',
    noDate: 'без дати',
    attemptOutcome: 'Спроба {{attempt}}: {{outcome}}',
  },
  review: {
    title: 'Домашні завдання на перевірку',
    intro: 'Здані домашні завдання: оцініть есе, потім натисніть «Підтвердити».',
    empty: 'Нічого перевіряти.',
    emptyBody: 'Тут зʼявляються здані домашні завдання.',
    student: 'Студент',
    lesson: 'Урок',
    handedIn: 'Здано',
    score: 'Бали',
    toDo: 'Що зробити',
    passedVerify: 'Складено: підтвердіть',
    essayToGrade: 'Оцінити есе',
    review: 'Перевірити',
    reviewNamed: 'Перевірити: {{name}}, {{title}}',
  },
};
export default uk;
