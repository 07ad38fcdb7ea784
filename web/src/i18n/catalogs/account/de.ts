import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  signIn: {
    title: 'Anmelden',
    email: 'E-Mail',
    password: 'Passwort',
    submit: 'Anmelden',
    pending: 'Anmeldung läuft…',
    hint: 'Neu hier? Öffnen Sie den Link aus Ihrer Einladung, um ein Passwort zu wählen. Sie probieren Lectern auf Ihrem eigenen Rechner aus? Die Demo-Zugänge stehen im Terminal, in dem Sie <code>npm start</code> ausgeführt haben.',
  },
  newPassword: {
    label: 'Neues Passwort',
    rule_one: 'Mindestens {{count}} Zeichen.',
    rule_other: 'Mindestens {{count}} Zeichen.',
    ruleSoFar_one: 'Mindestens {{count}} Zeichen (bisher {{typed}}).',
    ruleSoFar_other: 'Mindestens {{count}} Zeichen (bisher {{typed}}).',
    again: 'Neues Passwort wiederholen',
    differ: 'Die beiden Passwörter stimmen nicht überein.',
  },
  change: {
    title: 'Passwort ändern',
    intro: 'Anmeldungen auf anderen Geräten enden, wenn Sie es ändern; hier bleiben Sie angemeldet.',
    done: 'Ihr Passwort wurde geändert. Ihre anderen Geräte wurden abgemeldet.',
    current: 'Aktuelles Passwort',
    submit: 'Passwort ändern',
    pending: 'Wird gespeichert…',
  },
  set: {
    title: 'Wählen Sie Ihr Passwort',
    noToken:
      'Dieser Link enthält kein Token. Öffnen Sie den vollständigen Link aus Ihrer E-Mail oder bitten Sie die Administration um einen neuen Link.',
    submit: 'Passwort festlegen und anmelden',
    pending: 'Wird gespeichert…',
    once: 'Der Link funktioniert nur einmal. Danach melden Sie sich mit Ihrer E-Mail-Adresse und diesem Passwort an.',
  },
};
export default de;
