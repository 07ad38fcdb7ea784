import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  title: 'Розклад',
  createSession: 'Створити заняття',
  introManage:
    'Час у поясі {{timeZone}}. Перетягніть заняття, щоб перенести його; натисніть на нього, щоб побачити подробиці.',
  introView: 'Час у поясі {{timeZone}}. Натисніть на заняття, щоб побачити подробиці.',
  moved: '«{{title}}» перенесено на {{when}}.',
  created: 'Заняття «{{title}}» заплановано.',
  nothingManage:
    'У цьому проміжку нічого не заплановано. Скористайтеся кнопкою «Створити заняття» або виділіть час у календарі.',
  nothingView: 'У цьому проміжку нічого не заплановано.',
  calendar: {
    today: 'Сьогодні',
    week: 'Тиждень',
    month: 'Місяць',
    list: 'Список',
    noSessionsThisWeek: 'Цього тижня занять немає.',
    prev: { week: 'Попередній тиждень', month: 'Попередній місяць' },
    next: { week: 'Наступний тиждень', month: 'Наступний місяць' },
    thisPeriod: { week: 'Цей тиждень', month: 'Цей місяць' },
    view: { week: 'Перегляд тижня', month: 'Перегляд місяця', list: 'Перегляд списком' },
    more_one: '+ще {{count}}',
    more_few: '+ще {{count}}',
    more_many: '+ще {{count}}',
    more_other: '+ще {{count}}',
    moreHint_one: 'Показати ще {{count}} заняття',
    moreHint_few: 'Показати ще {{count}} заняття',
    moreHint_many: 'Показати ще {{count}} занять',
    moreHint_other: 'Показати ще {{count}} заняття',
    close: 'Закрити',
    time: 'Час',
    event: 'Заняття',
    allDay: 'Увесь день',
  },
};
export default uk;
