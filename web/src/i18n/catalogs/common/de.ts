import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  app: {
    starting: 'Lectern wird gestartet…',
    openingRoom: 'Der Raum wird geöffnet…',
    noRoom: 'Der Live-Raum ist nicht Teil dieser Version.',
    backToSession: 'Zurück zur Sitzung',
    notFound: 'Diese Seite gibt es nicht.',
    goToSchedule: 'Zum Stundenplan',
  },
  nav: {
    label: 'Hauptnavigation',
    skip: 'Zum Inhalt springen',
    menu: 'Menü',
    schedule: 'Stundenplan',
    enrollments: 'Einschreibungen',
    homework: 'Hausaufgaben',
    trainings: 'Schulungen',
    billing: 'Abrechnung',
    preferences: 'Einstellungen',
    people: 'Personen',
    groups: 'Gruppen',
    courses: 'Kurse',
    audit: 'Protokoll',
    reports: 'Berichte',
  },
  me: {
    timeZoneHint: 'Zeiten werden in dieser Zeitzone angezeigt',
    changePassword: 'Passwort ändern',
    signOut: 'Abmelden',
  },
  role: { admin: 'Administrator', teacher: 'Lehrkraft', student: 'Lernende(r)' },
  feedback: {
    loading: 'Wird geladen…',
    tryAgain: 'Erneut versuchen',
    request: 'Anfrage',
    offline: 'Offline.',
    badRequest: 'Bitte prüfen Sie das Formular.',
    unauthenticated: 'Bitte melden Sie sich an.',
    forbidden: 'Nicht erlaubt.',
    notFound: 'Nicht gefunden.',
    conflict: 'Im Moment nicht möglich.',
    changed: 'Inzwischen geändert.',
    failed: 'Etwas ist schiefgegangen.',
  },
  action: {
    save: 'Speichern',
    cancel: 'Abbrechen',
    close: 'Schließen',
    delete: 'Löschen',
    edit: 'Bearbeiten',
    add: 'Hinzufügen',
    back: 'Zurück',
  },
  /** The skills a lesson's scores rate (completion, feedback, reports). */
  scoreSkill: {
    speaking: 'Sprechen',
    listening: 'Hörverstehen',
    reading: 'Lesen',
    writing: 'Schreiben',
    grammar: 'Grammatik',
    vocabulary: 'Wortschatz',
    engagement: 'Mitarbeit',
  },
  untitled: {
    lesson: 'Unterrichtsstunde',
    session: 'Live-Sitzung',
  },
  unavailable: {
    title: '{{what}} ist auf diesem Server nicht verfügbar.',
    body: 'Der Server bietet die Schnittstelle nicht an, die diese Seite braucht. Aktualisieren Sie Lectern und laden Sie die Seite neu.',
  },
};
export default de;
