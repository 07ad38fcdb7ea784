import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  title: 'Sitzung anlegen',
  course: 'Kurs',
  chooseCourse: 'Kurs wählen…',
  lesson: 'Kurslektion (optional)',
  noLesson: 'Keine bestimmte Lektion',
  lessonOption: '{{position}}. {{title}} ({{kind}})',
  lessonKind: {
    class: 'Unterricht',
    homework: 'Hausaufgabe',
    independent: 'Selbststudium',
  },
  start: 'Datum und Uhrzeit ({{timeZone}})',
  duration: {
    label: 'Dauer',
    default: 'Standard',
    defaultMinutes: 'Standard ({{minutes}} Min.)',
    minutes: '{{minutes}} Min.',
    other: 'Andere',
    otherMinutes: 'Minuten',
  },
  kind: {
    label: 'Art der Sitzung',
    individual: 'Einzelstunde',
    group: 'Gruppe',
  },
  student: 'Lernende(r)',
  chooseStudent: 'Lernende(n) wählen…',
  chooseCourseFirst: 'Zuerst einen Kurs wählen',
  studentWithTeacher: '{{student}} (Lehrkraft {{teacher}})',
  teacher: 'Lehrkraft',
  chooseTeacher: 'Lehrkraft wählen…',
  studentGroup: 'Lerngruppe',
  noGroup: 'Keine Gruppe',
  students: 'Lernende',
  studentsBesidesGroup: 'Lernende (zusätzlich zur Gruppe)',
  noStudents: 'Noch keine eingeschriebenen Lernenden.',
  sessionTitle: 'Titel (optional)',
  sessionTitlePlaceholder: 'z. B. Wiederholung Präsens',
  notes: 'Notizen (optional)',
  notesPlaceholder: 'Vorbereitung oder Ablauf',
  saving: 'Wird gespeichert…',
};
export default de;
