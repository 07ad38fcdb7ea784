import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  title: 'Schulungen',
  newTraining: 'Neue Schulung',
  introStudent:
    'Wählen Sie einen Abschnitt und melden Sie sich an: Sie sind dann für alle seine Termine angemeldet.',
  introStaff: 'Abschnitte, Termine, Teilnehmerlisten und Anwesenheit.',
  empty: 'Keine Schulungen verfügbar.',
  emptyAdmin: 'Legen Sie eine mit „Neue Schulung“ an.',
  catalogue: {
    label: 'Katalog',
    noDescription: 'Keine Beschreibung.',
    draft: 'Entwurf',
    sections_one: '{{count}} Abschnitt',
    sections_other: '{{count}} Abschnitte',
    seatsLeft_one: '{{count}} Platz frei',
    seatsLeft_other: '{{count}} Plätze frei',
    waitlistPosition: 'Platz {{position}} auf der Warteliste',
    attended: 'Termine besucht: {{attended}}/{{total}}',
    completed: 'abgeschlossen',
    nextOnline: 'Nächster Online-Termin {{when}}',
  },
  format: {
    online: 'online',
    'in-person': 'vor Ort',
    hybrid: 'hybrid',
  },
  myEvents: {
    title: 'Meine Termine',
    noneStudent: 'Keine anstehenden Termine: Melden Sie sich unten für einen Abschnitt an.',
    noneTrainer: 'Keine anstehenden Termine, die Sie leiten.',
    when: 'Wann',
    training: 'Schulung',
    format: 'Format',
    liveRoom: 'Live-Raum',
    inPerson: 'vor Ort',
    roomOpens: 'Der Live-Raum öffnet 10 Minuten vor Beginn eines Online-Termins.',
    roomOpensStudent:
      'Der Live-Raum öffnet 10 Minuten vor Beginn eines Online-Termins. Wenn Sie nach Beginn des Termins darin sind, wird Ihre Anwesenheit erfasst.',
  },
  joinRoom: 'Raum betreten',
  create: {
    name: 'Name',
    description: 'Beschreibung',
    submit: 'Anlegen',
  },
};
export default de;
