import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  title: 'Einstellungen',
  intro: 'Ihre Sprache und die Benachrichtigungen, die Sie per E-Mail erhalten.',
  language: 'Meine Sprache: Darin werden meine Lektionszusammenfassungen und deren E-Mails verfasst',
  languageName: {
    en: 'English',
    de: 'Deutsch',
    uk: 'Українська',
  },
  lessonSummary:
    '<b>Lektionszusammenfassung</b>: Meine Zusammenfassung nach einer Gruppenlektion per E-Mail schicken',
  signIn: 'Anmeldung',
  changePassword:
    '<a>Ändern Sie Ihr Passwort</a>: Ihre anderen Anmeldungen werden beendet, diese bleibt bestehen.',
};
export default de;
