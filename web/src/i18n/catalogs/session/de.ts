import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  back: '← Stundenplan',
  join: 'Sitzung beitreten',
  completeSession: 'Sitzung abschließen',
  completion: 'Abschluss',
  afterClass: 'Nach der Stunde',
  status: { scheduled: 'geplant', active: 'läuft', ended: 'beendet', canceled: 'abgesagt' },
  kind: { individual: 'Einzelstunde', group: 'Gruppe' },
  when: '{{start}} – {{end}} ({{minutes}} Min.)',
  over: 'Diese Sitzung ist vorbei.',
  joinOpens: 'Der Link zum Beitreten öffnet 10 Minuten vor Beginn: {{when}} ({{relative}}).',
  canceled: 'Abgesagt.',
  canceledBecause: 'Abgesagt: {{reason}}',
  tabs: { label: 'Sitzung', details: 'Details', summary: 'Zusammenfassung' },
  details: {
    title: 'Details',
    course: 'Kurs',
    lesson: 'Lektion',
    noLesson: 'Keine bestimmte Lektion',
    teacher: 'Lehrkraft',
    timeZone: 'Zeitzone',
    timeZones: 'Angezeigt in {{shown}}; geplant in {{scheduled}}',
    enrollment: 'Einschreibung',
    openEnrollment: 'Einschreibung öffnen',
    notes: 'Notizen',
    noNotes: 'Keine Notizen.',
  },
  actions: {
    reschedule: 'Verschieben',
    edit: 'Titel und Notizen bearbeiten',
    cancel: 'Sitzung absagen',
  },
  cancelDialog: {
    title: 'Sitzung absagen',
    intro:
      'Alle Teilnehmenden werden benachrichtigt. Eine verknüpfte Kurslektion bleibt für einen neuen Termin verfügbar.',
    reason: 'Grund',
    keep: 'Sitzung behalten',
    submit: 'Sitzung absagen',
  },
  editDialog: {
    title: 'Sitzung bearbeiten',
    titleField: 'Titel',
    notes: 'Notizen',
  },
  rescheduleDialog: {
    title: 'Sitzung verschieben',
    when: 'Datum und Uhrzeit ({{timeZone}})',
    duration: 'Dauer (Minuten)',
    submit: 'Sitzung verschieben',
  },
  participants: {
    title: 'Teilnehmende ({{n}})',
    add: 'Lernende(n) hinzufügen',
    none: 'Keine Lernenden in dieser Sitzung.',
    remove: 'Entfernen',
    removeNamed: '{{name}} entfernen',
    removeUnnamed: 'Lernende(n) entfernen',
    thisStudent: 'diese(r) Lernende',
    removeTitle: 'Lernende(n) entfernen',
    removeText:
      '<strong>{{name}}</strong> verlässt diese Sitzung und zahlt nichts dafür. Wer gerade im Raum ist, wird getrennt.',
    keep: 'Behalten',
    addTitle: 'Lernende(n) hinzufügen',
    student: 'Lernende(r)',
    chooseStudent: 'Lernende(n) wählen…',
    priceNeeded: 'Preis in Tokens (erforderlich: keine Einschreibung legt den Preis dieser Lektion fest)',
    priceOptional: 'Preis in Tokens (optional)',
  },
};
export default de;
