import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  title: 'Регулярні заняття',
  none: 'Регулярних занять ще немає.',
  add: 'Додати регулярне заняття',
  followsGroup:
    'Хто приєднується до групи, протягом години потрапляє до її наступних занять; хто виходить із групи, вилучається з них.',
  rule: '{{days}} о {{time}} ({{timeZone}}), {{minutes}} хв',
  teaches: '{{course}}, викладач: {{teacher}}',
  upcoming_one: '{{count}} наступне заняття',
  upcoming_few: '{{count}} наступні заняття',
  upcoming_many: '{{count}} наступних занять',
  upcoming_other: '{{count}} наступного заняття',
  next_one: 'Наступне: {{when}}, {{count}} учень',
  next_few: 'Наступне: {{when}}, {{count}} учні',
  next_many: 'Наступне: {{when}}, {{count}} учнів',
  next_other: 'Наступне: {{when}}, {{count}} учня',
  noUpcoming: 'Наступних занять немає.',
  form: {
    course: 'Курс',
    teacher: 'Викладач',
    choose: 'Оберіть…',
    days: 'Дні тижня',
    time: 'Час ({{timeZone}})',
    minutes: 'Тривалість заняття (хвилин)',
    startsOn: 'Починається (необовʼязково, типово сьогодні)',
    save: 'Зберегти правило',
  },
  saved_one: 'Правило збережено: заплановано {{count}} заняття.',
  saved_few: 'Правило збережено: заплановано {{count}} заняття.',
  saved_many: 'Правило збережено: заплановано {{count}} занять.',
  saved_other: 'Правило збережено: заплановано {{count}} заняття.',
  skipped_one: 'Не заплановано {{count}}:',
  skipped_few: 'Не заплановано {{count}}:',
  skipped_many: 'Не заплановано {{count}}:',
  skipped_other: 'Не заплановано {{count}}:',
  done: 'Готово',
};
export default uk;
