import type { Translation } from '../../catalog';
import type en from './en';

const uk: Translation<typeof en> = {
  analysisFailure: {
    deadline_passed: 'спроба не дала результату до свого терміну',
    timed_out_one: 'спроба тривала довше ніж {{seconds}} секунду',
    timed_out_few: 'спроба тривала довше ніж {{seconds}} секунди',
    timed_out_many: 'спроба тривала довше ніж {{seconds}} секунд',
    timed_out_other: 'спроба тривала довше ніж {{seconds}} секунди',
    engine_failed: 'збій механізму аналізу ({{detail}})',
    report_late: 'звіт надійшов після терміну своєї спроби',
    report_rejected: 'звіт не прийнято ({{detail}})',
  },
  modelFallback: {
    http_error: 'сервіс моделі відповів помилкою {{status}}',
    no_answer_one: 'модель не відповіла протягом {{seconds}} секунди',
    no_answer_few: 'модель не відповіла протягом {{seconds}} секунд',
    no_answer_many: 'модель не відповіла протягом {{seconds}} секунд',
    no_answer_other: 'модель не відповіла протягом {{seconds}} секунди',
    unreachable: 'не вдалося звʼязатися із сервісом моделі ({{detail}})',
    no_message: 'модель відповіла без тексту',
    invalid_json: 'відповідь моделі не була коректним JSON',
    wrong_shape: 'відповідь моделі не відповідала звіту ({{detail}})',
    other: 'не вдалося звернутися до моделі ({{detail}})',
  },
  summaryRefusal: {
    insufficient_balance_one:
      'Найновіші підсумки не створено: баланс організації ({{balance}}) не покриває їхньої вартості — {{tokens}} токен.',
    insufficient_balance_few:
      'Найновіші підсумки не створено: баланс організації ({{balance}}) не покриває їхньої вартості — {{tokens}} токени.',
    insufficient_balance_many:
      'Найновіші підсумки не створено: баланс організації ({{balance}}) не покриває їхньої вартості — {{tokens}} токенів.',
    insufficient_balance_other:
      'Найновіші підсумки не створено: баланс організації ({{balance}}) не покриває їхньої вартості — {{tokens}} токена.',
    insufficient_balanceUnknown_one:
      'Найновіші підсумки не створено: гаманець організації не зміг сплатити їхню вартість — {{tokens}} токен.',
    insufficient_balanceUnknown_few:
      'Найновіші підсумки не створено: гаманець організації не зміг сплатити їхню вартість — {{tokens}} токени.',
    insufficient_balanceUnknown_many:
      'Найновіші підсумки не створено: гаманець організації не зміг сплатити їхню вартість — {{tokens}} токенів.',
    insufficient_balanceUnknown_other:
      'Найновіші підсумки не створено: гаманець організації не зміг сплатити їхню вартість — {{tokens}} токена.',
  },
};
export default uk;
