import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {
  analysisFailure: {
    deadline_passed: 'Ein Versuch hatte bis zu seiner Frist kein Ergebnis',
    timed_out_one: 'Ein Versuch dauerte länger als {{seconds}} Sekunde',
    timed_out_other: 'Ein Versuch dauerte länger als {{seconds}} Sekunden',
    engine_failed: 'Die Analyse-Engine ist fehlgeschlagen ({{detail}})',
    report_late: 'Der Bericht kam nach der Frist seines Versuchs',
    report_rejected: 'Der Bericht wurde nicht angenommen ({{detail}})',
  },
  modelFallback: {
    http_error: 'Der Dienst des Modells antwortete mit Fehler {{status}}',
    no_answer_one: 'Das Modell antwortete nicht innerhalb von {{seconds}} Sekunde',
    no_answer_other: 'Das Modell antwortete nicht innerhalb von {{seconds}} Sekunden',
    unreachable: 'Der Dienst des Modells war nicht erreichbar ({{detail}})',
    no_message: 'Das Modell antwortete ohne Text',
    invalid_json: 'Die Antwort des Modells war kein gültiges JSON',
    wrong_shape: 'Die Antwort des Modells passte nicht zum Bericht ({{detail}})',
    other: 'Das Modell konnte nicht gefragt werden ({{detail}})',
  },
  summaryRefusal: {
    insufficient_balance_one:
      'Die neuesten Zusammenfassungen wurden nicht erstellt: Das Guthaben der Organisation von {{balance}} deckt den {{tokens}} Token nicht, den sie kosten.',
    insufficient_balance_other:
      'Die neuesten Zusammenfassungen wurden nicht erstellt: Das Guthaben der Organisation von {{balance}} deckt die {{tokens}} Tokens nicht, die sie kosten.',
    insufficient_balanceUnknown_one:
      'Die neuesten Zusammenfassungen wurden nicht erstellt: Das Guthaben der Organisation konnte den {{tokens}} Token nicht bezahlen, den sie kosten.',
    insufficient_balanceUnknown_other:
      'Die neuesten Zusammenfassungen wurden nicht erstellt: Das Guthaben der Organisation konnte die {{tokens}} Tokens nicht bezahlen, die sie kosten.',
  },
};
export default de;
