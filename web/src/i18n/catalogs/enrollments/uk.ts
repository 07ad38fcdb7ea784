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
  detail: {
    back: '← Записи',
    title: '{{student}} · {{course}}',
    changeTerms: 'Змінити умови',
    terms_one:
      'Викладач {{teacher}} · тривалість уроку за замовчуванням <strong>{{minutes}} хв</strong> · вартість уроку {{count}} токен',
    terms_few:
      'Викладач {{teacher}} · тривалість уроку за замовчуванням <strong>{{minutes}} хв</strong> · вартість уроку {{count}} токени',
    terms_many:
      'Викладач {{teacher}} · тривалість уроку за замовчуванням <strong>{{minutes}} хв</strong> · вартість уроку {{count}} токенів',
    terms_other:
      'Викладач {{teacher}} · тривалість уроку за замовчуванням <strong>{{minutes}} хв</strong> · вартість уроку {{count}} токена',
    schedule: 'Розклад',
    addRule: 'Додати правило розкладу',
    noRules: 'Регулярного розкладу немає.',
    noRulesHint: 'Додайте правило, щоб створити регулярні уроки.',
    homework: 'Домашні завдання',
    noHomework: 'Домашніх завдань не призначено.',
    lesson: 'Урок',
    noDate: 'без дати',
    lessons: 'Уроки',
  },
  homeworkStatus: {
    added: 'задано',
    started: 'розпочато',
    passed: 'складено',
    verified: 'підтверджено',
  },
  noShow: {
    free: 'за відсутність студентам не нараховується плата',
    charge: 'за відсутність студенти сплачують вартість уроку',
  },
  rule: {
    summary: '{{days}} о {{time}}',
    minutes: '{{minutes}} хв',
    from: 'з {{from}}',
    fromUntil: 'з {{from}} до {{until}}',
    upcoming_one: '{{count}} майбутній',
    upcoming_few: '{{count}} майбутні',
    upcoming_many: '{{count}} майбутніх',
    upcoming_other: '{{count}} майбутнього',
    skipped_one: '{{count}} пропущено (конфлікти)',
    skipped_few: '{{count}} пропущено (конфлікти)',
    skipped_many: '{{count}} пропущено (конфлікти)',
    skipped_other: '{{count}} пропущено (конфлікти)',
    days: 'Дні тижня',
    time: 'Час ({{timeZone}})',
    length: 'Тривалість уроку (хвилини)',
    done: 'Готово',
  },
  addRule: {
    startsOn: 'Починається (необовʼязково, за замовчуванням сьогодні)',
    save: 'Зберегти правило',
    saved_one: 'Правило збережено: заплановано {{count}} заняття.',
    saved_few: 'Правило збережено: заплановано {{count}} заняття.',
    saved_many: 'Правило збережено: заплановано {{count}} занять.',
    saved_other: 'Правило збережено: заплановано {{count}} заняття.',
    savedSkipped_one: 'Правило збережено: заплановано {{count}} заняття, пропущено {{skipped}}.',
    savedSkipped_few: 'Правило збережено: заплановано {{count}} заняття, пропущено {{skipped}}.',
    savedSkipped_many: 'Правило збережено: заплановано {{count}} занять, пропущено {{skipped}}.',
    savedSkipped_other: 'Правило збережено: заплановано {{count}} заняття, пропущено {{skipped}}.',
  },
  changeFrom: {
    button: 'Змінити з дати',
    buttonLabel: 'Змінити {{summary}} з певної дати',
    title: 'Змінити цей і наступні уроки',
    intro_one:
      '<strong>{{summary}}</strong>: уроки до вибраного залишаються без змін. Починаючи з нього, {{count}} запланований урок скасовується, а нові умови планують наступні.',
    intro_few:
      '<strong>{{summary}}</strong>: уроки до вибраного залишаються без змін. Починаючи з нього, {{count}} заплановані уроки скасовуються, а нові умови планують наступні.',
    intro_many:
      '<strong>{{summary}}</strong>: уроки до вибраного залишаються без змін. Починаючи з нього, {{count}} запланованих уроків скасовуються, а нові умови планують наступні.',
    intro_other:
      '<strong>{{summary}}</strong>: уроки до вибраного залишаються без змін. Починаючи з нього, {{count}} запланованого уроку скасовується, а нові умови планують наступні.',
    from: 'Починаючи з уроку',
    submit: 'Змінити з цього уроку',
    done: 'Змінено з {{date}}: скасовано {{canceled}}, заплановано {{scheduled}}.',
    doneSkipped:
      'Змінено з {{date}}: скасовано {{canceled}}, заплановано {{scheduled}}, пропущено {{skipped}}.',
  },
  remove: {
    button: 'Видалити правило',
    title: 'Видалити правило розкладу',
    none: '<strong>{{summary}}</strong> завершується зараз. Майбутніх уроків немає.',
    text_one:
      '<strong>{{summary}}</strong> завершується зараз. {{count}} майбутній урок скасовується. Уроки, що вже відбулися, залишаються без змін.',
    text_few:
      '<strong>{{summary}}</strong> завершується зараз. {{count}} майбутні уроки скасовуються. Уроки, що вже відбулися, залишаються без змін.',
    text_many:
      '<strong>{{summary}}</strong> завершується зараз. {{count}} майбутніх уроків скасовуються. Уроки, що вже відбулися, залишаються без змін.',
    text_other:
      '<strong>{{summary}}</strong> завершується зараз. {{count}} майбутнього уроку скасовується. Уроки, що вже відбулися, залишаються без змін.',
    keep: 'Залишити правило',
    confirm_one: 'Видалити й скасувати {{count}} урок',
    confirm_few: 'Видалити й скасувати {{count}} уроки',
    confirm_many: 'Видалити й скасувати {{count}} уроків',
    confirm_other: 'Видалити й скасувати {{count}} уроку',
  },
  terms: {
    title: 'Змінити умови',
    minutes: 'Тривалість уроку за замовчуванням (хвилини)',
    cost: 'Вартість уроку (токени)',
    absent: 'Коли студент відсутній',
    free: 'Не стягується (пропуск безкоштовний)',
    charge: 'Стягується вартість уроку',
  },
  lessons: {
    label: 'Уроки',
    position: '№',
    lesson: 'Урок',
    type: 'Тип',
    status: 'Статус',
    score: 'Бали',
    when: 'Коли',
    open: 'Відкрити',
    homework: 'Домашнє завдання: {{status}}',
    handedIn: 'здано {{date}}',
    due: 'до {{date}}',
    openInTab: 'Відкрити в новій вкладці',
    openInTabLabel: 'Відкрити в новій вкладці: {{title}}',
    edit: 'Редагувати вміст',
    editLabel: 'Редагувати вміст: {{title}}',
  },
  lessonKind: {
    class: 'заняття',
    homework: 'домашнє завдання',
    independent: 'самостійна робота',
  },
  lessonStatus: {
    completed: 'завершено',
    upcoming: 'заплановано',
    not_scheduled: 'не заплановано',
  },
  opened: {
    label: 'Урок: {{title}}',
    review: 'Перевірити домашнє завдання',
    doIt: 'Виконати домашнє завдання',
    edit: 'Редагувати вміст',
    close: 'Закрити',
  },
};
export default uk;
