// Why a lesson analysis failed, why its text is not the language model's, and why a session's newest summaries
// were not made (pages/analysis, pages/summary): the server's codes in words, each phrase fitting the sentence of
// the `completion` namespace around it; numbers are formatted in the person's locale before they get here.
export default {
  // After "The analysis could not be made: ".
  analysisFailure: {
    deadline_passed: 'an attempt had no result by its deadline',
    timed_out_one: 'an attempt took longer than {{seconds}} second',
    timed_out_other: 'an attempt took longer than {{seconds}} seconds',
    engine_failed: 'the analysis engine failed ({{detail}})',
    report_late: 'the report came after its attempt’s deadline',
    report_rejected: 'the report was not accepted ({{detail}})',
  },
  // After "The language model was not used: ".
  modelFallback: {
    http_error: 'the model’s service answered with error {{status}}',
    no_answer_one: 'the model gave no answer within {{seconds}} second',
    no_answer_other: 'the model gave no answer within {{seconds}} seconds',
    unreachable: 'the model’s service could not be reached ({{detail}})',
    no_message: 'the model answered without any text',
    invalid_json: 'the model’s answer was not valid JSON',
    wrong_shape: 'the model’s answer did not fit the report ({{detail}})',
    other: 'the model could not be asked ({{detail}})',
  },
  // A whole sentence: why the newest summaries of a session were not made.
  summaryRefusal: {
    insufficient_balance_one:
      'The newest summaries were not made: the organisation’s balance of {{balance}} does not cover the {{tokens}} token they cost.',
    insufficient_balance_other:
      'The newest summaries were not made: the organisation’s balance of {{balance}} does not cover the {{tokens}} tokens they cost.',
    insufficient_balanceUnknown_one:
      'The newest summaries were not made: the organisation’s wallet could not pay the {{tokens}} token they cost.',
    insufficient_balanceUnknown_other:
      'The newest summaries were not made: the organisation’s wallet could not pay the {{tokens}} tokens they cost.',
  },
};
