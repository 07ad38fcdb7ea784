// Ukrainian mail texts (the polite "ви", as the student's summaries are written).
import type { MailTexts } from './types.js';

export const uk: MailTexts = {
  templates: {
    'live-session-scheduled': { subject: 'Заплановано', intro: 'Для вас заплановано онлайн-заняття.' },
    'live-session-rescheduled': { subject: 'Перенесено', intro: 'Ваше онлайн-заняття має новий час.' },
    'live-session-canceled': { subject: 'Скасовано', intro: 'Ваше онлайн-заняття скасовано.' },
    'live-session-removed': {
      subject: 'Вилучено',
      intro: 'Ви більше не берете участі в цьому онлайн-занятті.',
    },
    'live-session-reminder': {
      subject: 'Нагадування',
      intro: 'Ваше онлайн-заняття почнеться протягом 24 годин.',
    },
    'training-registered': { subject: 'Зареєстровано', intro: 'Вас зареєстровано. Ось ваші дати:' },
    'training-requested': { subject: 'Запит на реєстрацію', intro: 'Ваша реєстрація очікує підтвердження.' },
    'training-waitlisted': {
      subject: 'Список очікування',
      intro: 'Група заповнена: ви в списку очікування.',
    },
    'training-declined': { subject: 'Реєстрацію відхилено', intro: 'Вашу реєстрацію відхилено.' },
    'training-deregistered': {
      subject: 'Реєстрацію скасовано',
      intro: 'Ви більше не зареєстровані в цій групі.',
    },
    'training-event-added': { subject: 'Нова дата', intro: 'До вашого тренінгу додано дату.' },
    'training-event-rescheduled': {
      subject: 'Перенесено',
      intro: 'Одна з дат вашого тренінгу має новий час.',
    },
    'training-event-changed': { subject: 'Змінено', intro: 'Одна з дат вашого тренінгу змінилася.' },
    'training-event-canceled': { subject: 'Скасовано', intro: 'Одну з дат вашого тренінгу скасовано.' },
    'training-reminder': { subject: 'Нагадування', intro: 'Незабаром дата вашого тренінгу.' },
    'lesson-summary': { subject: 'Підсумок уроку', intro: 'Ось підсумок вашого уроку.' },
    'lesson-follow-up': { subject: 'Після вашого уроку', intro: 'Ваш викладач надіслав повідомлення.' },
    'teacher-lesson-summary': {
      subject: 'Підсумок уроку для викладачів',
      intro: 'Ось підсумок уроку для викладачів (усі учасники).',
    },
  },
  hello: (name) => `Вітаємо, ${name}!`,
  on: '—',
  reason: 'Причина',
  when: 'Коли',
  teacher: 'Викладач',
  trainer: 'Тренер',
  where: 'Де',
  link: 'Посилання',
  notes: 'Примітки',
  details: 'Докладніше',
  schedule: 'Ваш розклад',
  training: 'Тренінг',
  liveLesson: 'Онлайн-урок',
  liveSession: 'Онлайн-заняття',
  reminder: {
    join: (url) =>
      `Як приєднатися: відкрийте ${url} і натисніть «Приєднатися»; кімната відкривається за 10 хвилин до початку.`,
    prepare: 'Що підготувати',
    prepareDefault: 'ваші запитання та нотатки з минулого уроку.',
    needs:
      'Вам знадобляться: камера, мікрофон (найкраще гарнітура) та інтернет-з’єднання щонайменше 5 Мбіт/с.',
  },
  summary: {
    subject: 'Підсумок уроку',
    intro: 'Ось підсумок вашого уроку.',
    figures: (a, c, i) => `Відповідей: ${a}, правильних: ${c}, повторити: ${i}`,
    whole: 'Увесь підсумок',
  },
  followUp: {
    subject: 'Після вашого уроку',
    corrected: 'виправлено',
    intro: 'Ваш викладач надіслав повідомлення після уроку.',
    keyPoints: 'Основні моменти:',
    resources: 'Матеріали:',
    homework: 'Ваше домашнє завдання:',
    homeworkTitle: 'Домашнє завдання',
    next: 'Ваше наступне заняття',
    nextTitle: 'онлайн-заняття',
    prepare: 'Як підготуватися:',
    lesson: 'Урок',
  },
};
