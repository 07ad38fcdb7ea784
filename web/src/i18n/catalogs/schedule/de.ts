import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  title: 'Stundenplan',
  createSession: 'Sitzung anlegen',
  introManage:
    'Zeiten in {{timeZone}}. Ziehen Sie eine Sitzung, um sie zu verschieben; klicken Sie darauf für Details.',
  introView: 'Zeiten in {{timeZone}}. Klicken Sie auf eine Sitzung für Details.',
  moved: '„{{title}}“ wurde auf {{when}} verschoben.',
  created: 'Sitzung „{{title}}“ geplant.',
  nothingManage:
    'In diesem Zeitraum ist nichts geplant. Verwenden Sie „Sitzung anlegen“ oder wählen Sie einen Zeitraum aus.',
  nothingView: 'In diesem Zeitraum ist nichts geplant.',
  calendar: {
    today: 'Heute',
    week: 'Woche',
    month: 'Monat',
    list: 'Liste',
    noSessionsThisWeek: 'Keine Sitzungen in dieser Woche.',
    prev: { week: 'Vorherige Woche', month: 'Vorheriger Monat' },
    next: { week: 'Nächste Woche', month: 'Nächster Monat' },
    thisPeriod: { week: 'Diese Woche', month: 'Dieser Monat' },
    view: { week: 'Wochenansicht', month: 'Monatsansicht', list: 'Listenansicht' },
    more_one: '+{{count}} weitere',
    more_other: '+{{count}} weitere',
    moreHint_one: 'Eine weitere Sitzung anzeigen',
    moreHint_other: '{{count}} weitere Sitzungen anzeigen',
    close: 'Schließen',
    time: 'Uhrzeit',
    event: 'Sitzung',
    allDay: 'ganztägig',
  },
};
export default de;
