import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  title: 'Regelmäßiger Unterricht',
  none: 'Noch kein regelmäßiger Unterricht.',
  add: 'Regelmäßigen Unterricht hinzufügen',
  followsGroup:
    'Wer der Gruppe beitritt, kommt innerhalb einer Stunde in ihre kommenden Stunden; wer sie verlässt, wird herausgenommen.',
  rule: '{{days}} um {{time}} ({{timeZone}}), {{minutes}} Min.',
  teaches: '{{course}} mit {{teacher}}',
  upcoming_one: '{{count}} kommende Stunde',
  upcoming_other: '{{count}} kommende Stunden',
  next_one: 'Nächste: {{when}}, {{count}} Teilnehmende',
  next_other: 'Nächste: {{when}}, {{count}} Teilnehmende',
  noUpcoming: 'Keine kommenden Stunden.',
  form: {
    course: 'Kurs',
    teacher: 'Lehrkraft',
    choose: 'Auswählen…',
    days: 'Wochentage',
    time: 'Uhrzeit ({{timeZone}})',
    minutes: 'Dauer einer Stunde (Minuten)',
    startsOn: 'Beginnt am (optional, sonst heute)',
    save: 'Regel speichern',
  },
  saved_one: 'Regel gespeichert: {{count}} Stunde geplant.',
  saved_other: 'Regel gespeichert: {{count}} Stunden geplant.',
  skipped_one: '{{count}} nicht geplant:',
  skipped_other: '{{count}} nicht geplant:',
  done: 'Fertig',
};
export default de;
