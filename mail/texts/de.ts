// German mail texts (formal "Sie", as the interface and the student's summaries say it).
import type { MailTexts } from './types.js';

export const de: MailTexts = {
  templates: {
    'live-session-scheduled': { subject: 'Geplant', intro: 'Für Sie wurde eine Live-Sitzung geplant.' },
    'live-session-rescheduled': { subject: 'Verschoben', intro: 'Ihre Live-Sitzung hat eine neue Zeit.' },
    'live-session-canceled': { subject: 'Abgesagt', intro: 'Ihre Live-Sitzung wurde abgesagt.' },
    'live-session-removed': {
      subject: 'Entfernt',
      intro: 'Sie nehmen an dieser Live-Sitzung nicht mehr teil.',
    },
    'live-session-reminder': {
      subject: 'Erinnerung',
      intro: 'Ihre Live-Sitzung beginnt in weniger als 24 Stunden.',
    },
    'training-registered': { subject: 'Angemeldet', intro: 'Sie sind angemeldet. Das sind Ihre Termine:' },
    'training-requested': {
      subject: 'Anmeldung angefragt',
      intro: 'Ihre Anmeldung wartet auf Bestätigung.',
    },
    'training-waitlisted': {
      subject: 'Warteliste',
      intro: 'Der Abschnitt ist voll: Sie stehen auf der Warteliste.',
    },
    'training-declined': { subject: 'Anmeldung abgelehnt', intro: 'Ihre Anmeldung wurde abgelehnt.' },
    'training-deregistered': {
      subject: 'Abgemeldet',
      intro: 'Sie sind für diesen Abschnitt nicht mehr angemeldet.',
    },
    'training-event-added': {
      subject: 'Neuer Termin',
      intro: 'Ihrem Training wurde ein Termin hinzugefügt.',
    },
    'training-event-rescheduled': {
      subject: 'Verschoben',
      intro: 'Ein Termin Ihres Trainings hat eine neue Zeit.',
    },
    'training-event-changed': {
      subject: 'Geändert',
      intro: 'Ein Termin Ihres Trainings hat sich geändert.',
    },
    'training-event-canceled': { subject: 'Abgesagt', intro: 'Ein Termin Ihres Trainings wurde abgesagt.' },
    'training-reminder': { subject: 'Erinnerung', intro: 'Ihr Trainingstermin steht bevor.' },
    'lesson-summary': {
      subject: 'Zusammenfassung der Lektion',
      intro: 'Hier ist die Zusammenfassung Ihrer Lektion.',
    },
    'lesson-follow-up': {
      subject: 'Nachbereitung Ihrer Lektion',
      intro: 'Ihre Lehrkraft hat Ihnen eine Nachricht geschickt.',
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
  schedule: 'Ihr Stundenplan',
  training: 'Training',
  liveLesson: 'Live-Lektion',
  liveSession: 'Live-Sitzung',
  reminder: {
    join: (url) =>
      `So nehmen Sie teil: Öffnen Sie ${url} und klicken Sie auf „Sitzung beitreten“; der Raum öffnet 10 Minuten vor Beginn.`,
    prepare: 'Zur Vorbereitung',
    prepareDefault: 'Ihre Fragen und Notizen aus der letzten Lektion.',
    needs:
      'Sie brauchen: eine Kamera, ein Mikrofon (am besten ein Headset) und eine Internetverbindung mit mindestens 5 Mbit/s.',
  },
  summary: {
    subject: 'Zusammenfassung der Lektion',
    intro: 'hier ist die Zusammenfassung Ihrer Lektion.',
    figures: (a, c, i) => `Beantwortet: ${a}, richtig: ${c}, zum Wiederholen: ${i}`,
    whole: 'Die ganze Zusammenfassung',
  },
  followUp: {
    subject: 'Nachbereitung Ihrer Lektion',
    corrected: 'korrigiert',
    intro: 'Ihre Lehrkraft hat Ihnen eine Nachricht zu Ihrer Lektion geschickt.',
    keyPoints: 'Die wichtigsten Punkte:',
    resources: 'Material:',
    homework: 'Ihre Hausaufgaben:',
    homeworkTitle: 'Hausaufgabe',
    next: 'Ihre nächste Sitzung',
    nextTitle: 'Live-Sitzung',
    prepare: 'So bereiten Sie sich vor:',
    lesson: 'Die Lektion',
  },
};
