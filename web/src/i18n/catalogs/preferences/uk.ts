import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  title: 'Налаштування',
  intro: 'Ваша мова та сповіщення, які надходять вам поштою.',
  language: 'Моя мова: нею пишуться мої підсумки уроків і листи з ними',
  languageName: {
    en: 'English',
    de: 'Deutsch',
    uk: 'Українська',
  },
  lessonSummary: '<b>Підсумок уроку</b>: надсилати мені поштою мій підсумок після групового уроку',
  signIn: 'Вхід',
  changePassword: '<a>Змініть пароль</a>: інші ваші сеанси завершаться, а цей залишиться.',
};
export default uk;
