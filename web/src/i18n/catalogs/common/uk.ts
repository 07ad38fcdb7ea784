import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  app: {
    starting: 'Lectern запускається…',
    openingRoom: 'Відкриваємо кімнату…',
    noRoom: 'Живої кімнати немає в цій збірці.',
    backToSession: 'Назад до заняття',
    notFound: 'Такої сторінки не існує.',
    goToSchedule: 'До розкладу',
  },
  nav: {
    label: 'Головне меню',
    skip: 'Перейти до змісту',
    menu: 'Меню',
    schedule: 'Розклад',
    enrollments: 'Записи',
    homework: 'Домашні завдання',
    trainings: 'Навчання',
    billing: 'Оплата',
    preferences: 'Налаштування',
    people: 'Люди',
    groups: 'Групи',
    courses: 'Курси',
    audit: 'Журнал аудиту',
    reports: 'Звіти',
  },
  me: {
    timeZoneHint: 'Час показано в цьому часовому поясі',
    changePassword: 'Змінити пароль',
    signOut: 'Вийти',
  },
  role: { admin: 'адміністратор', teacher: 'викладач', student: 'студент' },
  feedback: {
    loading: 'Завантаження…',
    tryAgain: 'Спробувати ще раз',
    request: 'запит',
    offline: 'Немає зʼєднання.',
    badRequest: 'Будь ласка, перевірте форму.',
    unauthenticated: 'Будь ласка, увійдіть.',
    forbidden: 'Не дозволено.',
    notFound: 'Не знайдено.',
    conflict: 'Зараз це неможливо.',
    changed: 'Тим часом змінено.',
    failed: 'Щось пішло не так.',
  },
  action: {
    save: 'Зберегти',
    cancel: 'Скасувати',
    close: 'Закрити',
    delete: 'Видалити',
    edit: 'Редагувати',
    add: 'Додати',
    back: 'Назад',
  },
  /** The skills a lesson's scores rate (completion, feedback, reports). */
  scoreSkill: {
    speaking: 'говоріння',
    listening: 'аудіювання',
    reading: 'читання',
    writing: 'письмо',
    grammar: 'граматика',
    vocabulary: 'лексика',
    engagement: 'залученість',
  },
  untitled: {
    lesson: 'Урок',
    session: 'Онлайн-заняття',
  },
  unavailable: {
    title: '{{what}}: недоступно на цьому сервері.',
    body: 'Сервер не надає API, потрібного цій сторінці. Оновіть Lectern і перезавантажте сторінку.',
  },
};
export default uk;
