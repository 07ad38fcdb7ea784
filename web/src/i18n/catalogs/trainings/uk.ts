import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  title: 'Тренінги',
  newTraining: 'Новий тренінг',
  introStudent: 'Оберіть групу й зареєструйтеся: вас буде записано на всі її події.',
  introStaff: 'Групи, події, списки учасників і відвідуваність.',
  empty: 'Немає доступних тренінгів.',
  emptyAdmin: 'Створіть тренінг кнопкою «Новий тренінг».',
  catalogue: {
    label: 'Каталог',
    noDescription: 'Без опису.',
    draft: 'чернетка',
    sections_one: '{{count}} група',
    sections_few: '{{count}} групи',
    sections_many: '{{count}} груп',
    sections_other: '{{count}} групи',
    seatsLeft_one: 'залишилося {{count}} місце',
    seatsLeft_few: 'залишилося {{count}} місця',
    seatsLeft_many: 'залишилося {{count}} місць',
    seatsLeft_other: 'залишилося {{count}} місця',
    waitlistPosition: 'місце в списку очікування: {{position}}',
    attended: 'відвідано подій: {{attended}}/{{total}}',
    completed: 'завершено',
    nextOnline: 'Наступна онлайн-подія {{when}}',
  },
  format: {
    online: 'онлайн',
    'in-person': 'наживо',
    hybrid: 'гібридно',
  },
  myEvents: {
    title: 'Мої події',
    noneStudent: 'Найближчих подій немає: зареєструйтеся до групи нижче.',
    noneTrainer: 'Найближчих подій, які ви проводите, немає.',
    when: 'Коли',
    training: 'Тренінг',
    format: 'Формат',
    liveRoom: 'Онлайн-кімната',
    inPerson: 'наживо',
    roomOpens: 'Онлайн-кімната відкривається за 10 хвилин до початку онлайн-події.',
    roomOpensStudent:
      'Онлайн-кімната відкривається за 10 хвилин до початку онлайн-події. Якщо ви перебуваєте в ній після початку події, вашу присутність буде зараховано.',
  },
  joinRoom: 'Увійти до кімнати',
  create: {
    name: 'Назва',
    description: 'Опис',
    submit: 'Створити',
  },
};
export default uk;
