import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  title: 'Abrechnung',
  notForRole: 'Die Abrechnung ist für Lernende und Administratoren.',
  costNote:
    'Die Kosten jeder Lektion werden in der Abschlussbestätigung angezeigt, bevor etwas abgebucht wird.',
  studentIntro: 'Ihr Token-Guthaben und jede Änderung daran.',
  adminIntro:
    'Alle Guthabenkonten der Organisation. Wählen Sie eines, um seine Buchungen zu sehen oder ihm Tokens gutzuschreiben.',
  creditWallet: 'Tokens gutschreiben',
  wallet: 'Guthabenkonto',
  chooseWallet: 'Guthabenkonto wählen…',
  walletOption_one: '{{name}} ({{kind}}) · {{count}} Token',
  walletOption_other: '{{name}} ({{kind}}) · {{count}} Tokens',
  owner: {
    student: 'Lernende(r)',
    organisation: 'Organisation',
  },
  table: {
    owner: 'Inhaber',
    kind: 'Art',
    balance: 'Guthaben',
  },
  balance: 'Guthaben',
  balanceOf: 'Guthaben von {{name}}',
  tokens_one: '{{count}} Token',
  tokens_other: '{{count}} Tokens',
  noChanges: 'Noch keine Änderungen.',
  ledger: {
    label: 'Änderungen des Guthabens',
    when: 'Wann',
    cause: 'Grund',
    details: 'Details',
    change: 'Änderung',
    balanceAfter: 'Guthaben danach',
    actions: 'Aktionen',
    theSession: 'die Sitzung',
    reversed: '(storniert)',
    reverse: 'Stornieren',
    whyReverse: 'Warum wird diese Buchung storniert?',
  },
  cause: {
    session: 'Live-Sitzung',
    analysis: 'Lektionsanalyse',
    summary: 'Zusammenfassungen nach der Sitzung',
    credit: 'Gutschrift',
    reversal: 'Stornierung',
  },
  credit: {
    now_one: '{{name}}: derzeit {{count}} Token.',
    now_other: '{{name}}: derzeit {{count}} Tokens.',
    tokens: 'Tokens',
    reason: 'Grund',
    reasonPlaceholder: 'z. B. Paket mit 10 Lektionen bezahlt',
    submit_one: '{{count}} Token gutschreiben',
    submit_other: '{{count}} Tokens gutschreiben',
  },
};
export default de;
