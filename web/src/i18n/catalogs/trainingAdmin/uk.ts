import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  switch: {
    title: 'Тренінги',
    label: 'Тренінги увімкнено для цієї організації',
    onHint: 'Усі бачать каталог тренінгів; тренери й адміністратори керують його групами.',
    offHint: 'Поки це вимкнено, ніхто не бачить тренінгів; нічого записаного не втрачається.',
    adminsOnly: 'Змінюють це лише адміністратори.',
  },
  access: {
    legend: 'Проводить тренінги для',
    hint: 'Учасники цієї групи тренерів керують групами тренінгів цих груп учасників і можуть бути їхніми тренерами.',
    toggle: '{{trainers}} проводить тренінги для {{group}}',
    noStudentGroups: 'Ще немає груп учнів.',
    none: 'Ще немає груп учасників.',
    andMore_one: 'і ще {{count}} група',
    andMore_few: 'і ще {{count}} групи',
    andMore_many: 'і ще {{count}} груп',
    andMore_other: 'і ще {{count}} групи',
    unseen_one: '{{count}} група',
    unseen_few: '{{count}} групи',
    unseen_many: '{{count}} груп',
    unseen_other: '{{count}} групи',
  },
};
export default uk;
