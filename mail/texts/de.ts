// German mail texts (informal "du", as the student's summaries are written).
import type { MailTexts } from './types.js';

export const de: MailTexts = {
  templates: {
    'live-session-scheduled': { subject: 'Geplant', intro: 'Für dich wurde eine Live-Sitzung geplant.' },
    'live-session-rescheduled': { subject: 'Verschoben', intro: 'Deine Live-Sitzung hat eine neue Zeit.' },
    'live-session-canceled': { subject: 'Abgesagt', intro: 'Deine Live-Sitzung wurde abgesagt.' },
    'live-session-removed': {
      subject: 'Entfernt',
      intro: 'Du nimmst an dieser Live-Sitzung nicht mehr teil.',
    },
    'live-session-reminder': {
      subject: 'Erinnerung',
      intro: 'Deine Live-Sitzung beginnt in weniger als 24 Stunden.',
    },
    'training-registered': { subject: 'Angemeldet', intro: 'Du bist angemeldet. Das sind deine Termine:' },
    'training-requested': {
      subject: 'Anmeldung angefragt',
      intro: 'Deine Anmeldung wartet auf Bestätigung.',
    },
    'training-waitlisted': {
      subject: 'Warteliste',
      intro: 'Der Abschnitt ist voll: Du stehst auf der Warteliste.',
    },
    'training-declined': { subject: 'Anmeldung abgelehnt', intro: 'Deine Anmeldung wurde abgelehnt.' },
    'training-deregistered': {
      subject: 'Abgemeldet',
      intro: 'Du bist für diesen Abschnitt nicht mehr angemeldet.',
    },
    'training-event-added': {
      subject: 'Neuer Termin',
      intro: 'Deinem Training wurde ein Termin hinzugefügt.',
    },
    'training-event-rescheduled': {
      subject: 'Verschoben',
      intro: 'Ein Termin deines Trainings hat eine neue Zeit.',
    },
    'training-event-changed': {
      subject: 'Geändert',
      intro: 'Ein Termin deines Trainings hat sich geändert.',
    },
    'training-event-canceled': { subject: 'Abgesagt', intro: 'Ein Termin deines Trainings wurde abgesagt.' },
    'training-reminder': { subject: 'Erinnerung', intro: 'Dein Trainingstermin steht bevor.' },
    'lesson-summary': {
      subject: 'Zusammenfassung der Lektion',
      intro: 'Hier ist die Zusammenfassung deiner Lektion.',
    },
    'lesson-follow-up': {
      subject: 'Nachbereitung deiner Lektion',
      intro: 'Deine Lehrkraft hat dir eine Nachricht geschickt.',
    },
    'teacher-lesson-summary': {
      subject: 'Zusammenfassung für Lehrkräfte',
      intro: 'Hier ist die Zusammenfassung einer Lektion für Lehrkräfte (alle Teilnehmenden).',
    },
  },
  hello: (name) => `Hallo ${name},`,
  on: 'am',
  reason: 'Grund',
  when: 'Wann',
  teacher: 'Lehrkraft',
  trainer: 'Trainer:in',
  where: 'Wo',
  link: 'Link',
  notes: 'Hinweise',
  details: 'Details',
  schedule: 'Dein Stundenplan',
  training: 'Training',
  liveLesson: 'Live-Lektion',
  liveSession: 'Live-Sitzung',
  reminder: {
    join: (url) =>
      `So nimmst du teil: Öffne ${url} und klicke auf „Sitzung beitreten“; der Raum öffnet 10 Minuten vor Beginn.`,
    prepare: 'Zur Vorbereitung',
    prepareDefault: 'deine Fragen und Notizen aus der letzten Lektion.',
    needs:
      'Du brauchst: eine Kamera, ein Mikrofon (am besten ein Headset) und eine Internetverbindung mit mindestens 5 Mbit/s.',
  },
  summary: {
    subject: 'Zusammenfassung der Lektion',
    intro: 'hier ist die Zusammenfassung deiner Lektion.',
    figures: (a, c, i) => `Beantwortet: ${a}, richtig: ${c}, zum Wiederholen: ${i}`,
    whole: 'Die ganze Zusammenfassung',
  },
  followUp: {
    subject: 'Nachbereitung deiner Lektion',
    corrected: 'korrigiert',
    intro: 'Deine Lehrkraft hat dir eine Nachricht zu deiner Lektion geschickt.',
    keyPoints: 'Die wichtigsten Punkte:',
    resources: 'Material:',
    homework: 'Deine Hausaufgaben:',
    homeworkTitle: 'Hausaufgabe',
    next: 'Deine nächste Sitzung',
    nextTitle: 'Live-Sitzung',
    prepare: 'So bereitest du dich vor:',
    lesson: 'Die Lektion',
  },
};
