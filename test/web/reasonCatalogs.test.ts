// The sentences the server used to write in English for people (why a schedule rule skipped a date, why a lesson
// analysis failed, why the language model's text was not used, why a session's summaries were not made) are
// worded by the web client from the server's codes: every code the server's own enums can produce has English,
// German and Ukrainian wording (with Ukrainian's plural forms where English has plurals) using only the values
// the English uses. Texts recorded before the codes existed map back to the code they name.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SkipReason, skipReasonOf } from '../../domain/enrollment/scheduleRules.js';
import {
  AnalysisFailureCode,
  analysisFailureOf,
  analysisFailureText,
  type AnalysisFailure,
} from '../../domain/lessonAnalysis/events.js';
import {
  ModelFallbackCode,
  modelFallbackOf,
  modelFallbackText,
  type ModelFallback,
} from '../../domain/lessonAnalysis/report.js';
import { SummaryRefusalCode } from '../../domain/sessionSummary/events.js';

type Catalog = Record<string, unknown>;
// German and Ukrainian import the web client's extensionless paths, which the server's type check refuses: all
// three are loaded at run time.
const load = (namespace: string, language: string) =>
  import(`../../web/src/i18n/catalogs/${namespace}/${language}.ts`).then(
    (m: { default: Catalog }) => m.default,
  );
const LANGUAGES = ['en', 'de', 'uk'] as const;
const catalogs = async (namespace: string) =>
  Object.fromEntries(await Promise.all(LANGUAGES.map(async (l) => [l, await load(namespace, l)] as const)));

const section = (catalog: Catalog, path: string) =>
  path.split('.').reduce<unknown>((c, key) => (c as Catalog | undefined)?.[key], catalog) as
    Record<string, string> | undefined;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Each code has a wording in each language: one key, or plural keys (Ukrainian: one, few, many, other). */
function wordsEveryCode(all: Record<string, Catalog>, path: string, codes: readonly string[]) {
  const en = section(all.en!, path);
  assert.ok(en, `${path} in English`);
  for (const code of codes) {
    const plural = en![`${code}_other`] !== undefined;
    const forms = (language: string) =>
      plural
        ? (language === 'uk' ? ['one', 'few', 'many', 'other'] : ['one', 'other']).map((f) => `${code}_${f}`)
        : [code];
    const english = forms('en').map((k) => en![k]);
    assert.ok(
      english.every((w) => typeof w === 'string' && w.length > 0),
      `${path}.${code}: no English`,
    );
    for (const language of LANGUAGES) {
      const words = section(all[language]!, path);
      for (const key of forms(language)) {
        const text = words?.[key];
        assert.type(text, 'string', `${language} ${path}.${key} is missing`);
        assert.equal(
          placeholders(text!),
          placeholders(english.at(-1)!),
          `${language} ${path}.${key}: its values`,
        );
      }
    }
  }
}

test('every skip reason a schedule rule can record is worded in English, German and Ukrainian', async () => {
  assert.ok(SkipReason.options.length >= 5);
  wordsEveryCode(await catalogs('enrollments'), 'skipReason', SkipReason.options);
});

test('every analysis failure, model fallback and summary refusal code is worded in all three languages', async () => {
  const all = await catalogs('completionReasons');
  wordsEveryCode(all, 'analysisFailure', AnalysisFailureCode.options);
  wordsEveryCode(all, 'modelFallback', ModelFallbackCode.options);
  wordsEveryCode(all, 'summaryRefusal', SummaryRefusalCode.options);
});

test('an old event’s English names the code it stands for; an unknown text names none', () => {
  const failures: AnalysisFailure[] = [
    { code: 'deadline_passed', timeoutMs: null, detail: null },
    { code: 'timed_out', timeoutMs: 90_000, detail: null },
    { code: 'engine_failed', timeoutMs: null, detail: 'connection refused' },
    { code: 'report_late', timeoutMs: null, detail: 'attempt 2 ran past its deadline' },
    { code: 'report_rejected', timeoutMs: null, detail: 'report.language: invalid' },
  ];
  assert.equal(new Set(failures.map((f) => f.code)), new Set(AnalysisFailureCode.options));
  for (const f of failures) assert.equal(analysisFailureOf(analysisFailureText(f)), f);
  assert.is(analysisFailureOf('something else'), null);

  const fallbacks: ModelFallback[] = [
    { code: 'http_error', status: 502, timeoutMs: null, detail: null },
    { code: 'no_answer', status: null, timeoutMs: 3000, detail: null },
    { code: 'unreachable', status: null, timeoutMs: null, detail: 'fetch failed' },
    { code: 'no_message', status: null, timeoutMs: null, detail: null },
    { code: 'invalid_json', status: null, timeoutMs: null, detail: null },
    { code: 'wrong_shape', status: null, timeoutMs: null, detail: 'learningPlan Required' },
  ];
  for (const f of fallbacks) assert.equal(modelFallbackOf(modelFallbackText(f)), f);
  // "other" keeps whatever the error said: its text names no code of its own.
  assert.is(modelFallbackOf('socket hang up'), null);

  assert.equal(['teacher_double_booked', 'no_participants', 'start_in_past', 'not_found'].map(skipReasonOf), [
    'teacher_busy',
    'no_students',
    'in_the_past',
    null,
  ]);
});

test.run();
