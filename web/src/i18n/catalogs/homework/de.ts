import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  status: {
    added: 'Zugewiesen',
    started: 'Begonnen',
    passed: 'Bestanden',
    verified: 'Bestätigt',
  },
  outcome: {
    passed: 'Bestanden',
    try_again: 'Noch einmal versuchen',
    awaiting_grading: 'Wartet auf die Lehrkraft',
  },
  lesson: 'Lektion',
  student: 'Lernende(r)',
  detail: {
    back: '← Hausaufgaben',
    title: 'Hausaufgabe',
    verify: 'Bestätigen',
    revoke: 'Bestätigung zurücknehmen',
    closedVerified: 'Von Ihrer Lehrkraft bestätigt.',
    closedPassed: 'Bestanden.',
    closedHandedIn: 'Abgegeben.',
    due: 'fällig am {{date}}',
    noDue: 'kein Fälligkeitsdatum',
    passMark: 'Bestehensgrenze {{passMark}} %',
    noExercises: 'Diese Lektion hat noch keine Übungen.',
  },
  attempts: {
    label: 'Versuche',
    attempt: 'Versuch {{attempt}}',
    result: '{{score}} / {{maxScore}} ({{percent}} %, Bestehensgrenze {{passMark}} %)',
  },
  handIn: {
    label: 'Abgeben',
    button: 'Abgeben',
    passed: 'Bestanden mit {{percent}} % (Bestehensgrenze {{passMark}} %).',
    tryAgain:
      'Versuch {{attempt}}: {{percent}} %, unter der Bestehensgrenze von {{passMark}} %. Versuchen Sie es noch einmal: Ihr Versuch bleibt gespeichert.',
    awaiting: 'Abgegeben: Ihre Lehrkraft bewertet den Aufsatz, danach erscheint das Ergebnis hier.',
    answerFirst: 'Beantworten Sie vor der Abgabe mindestens eine Übung.',
  },
  mine: {
    title: 'Meine Hausaufgaben',
    intro: 'Öffnen Sie eine Aufgabe, beantworten Sie sie und geben Sie sie dann ab.',
    empty: 'Zurzeit keine Hausaufgaben.',
    lesson: 'Lektion',
    status: 'Status',
    due: 'Fällig',
    score: 'Punkte',
    lastAttempt: 'Letzter Versuch',
    noDate: 'kein Datum',
    attemptOutcome: 'Versuch {{attempt}}: {{outcome}}',
  },
  review: {
    title: 'Zu prüfende Hausaufgaben',
    intro: 'Abgegebene Hausaufgaben: Bewerten Sie die Aufsätze, dann „Bestätigen“.',
    empty: 'Nichts zu prüfen.',
    emptyBody: 'Abgegebene Hausaufgaben erscheinen hier.',
    student: 'Lernende(r)',
    lesson: 'Lektion',
    handedIn: 'Abgegeben',
    score: 'Punkte',
    toDo: 'Zu tun',
    passedVerify: 'Bestanden: bestätigen',
    essayToGrade: 'Aufsatz bewerten',
    review: 'Prüfen',
    reviewNamed: '{{name}} prüfen: {{title}}',
  },
};
export default de;
