import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  switch: {
    title: 'Schulungen',
    label: 'Schulungen sind für diese Organisation eingeschaltet',
    onHint: 'Alle sehen den Schulungskatalog; Trainer und Admins verwalten ihre Abschnitte.',
    offHint: 'Solange dies aus ist, sieht niemand Schulungen; nichts Erfasstes geht verloren.',
    adminsOnly: 'Nur Admins ändern das.',
  },
  access: {
    legend: 'Führt Schulungen durch für',
    hint: 'Mitglieder dieser Trainergruppe verwalten die Schulungsabschnitte dieser Teilnehmergruppen und können deren Trainer sein.',
    toggle: '{{trainers}} führt Schulungen für {{group}} durch',
    noStudentGroups: 'Es gibt noch keine Lernendengruppen.',
    none: 'Noch keine Teilnehmergruppen.',
    andMore_one: 'und {{count}} weitere Gruppe',
    andMore_other: 'und {{count}} weitere Gruppen',
    unseen_one: '{{count}} Gruppe',
    unseen_other: '{{count}} Gruppen',
  },
};
export default de;
