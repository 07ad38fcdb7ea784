// A refused rule as the person reads it (web/src/i18n/ruleText.ts, used by ErrorBox and the live room): the
// sentence agrees with its number in Ukrainian, and an instant is written in the person's time zone and language.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import i18next from 'i18next';
import en from '../../web/src/i18n/catalogs/errors/en.js';

// The web client's modules import extensionless paths, which the server's type check refuses: loaded at run time.
const web = (path: string) => import(`../../web/src/${path}.ts`);
type RuleText = (
  i18n: typeof i18next,
  refusal: { code?: string | null; extras: Record<string, unknown> },
  timeZone: string,
) => string | null;
const { ruleText } = (await web('i18n/ruleText')) as { ruleText: RuleText };
const { setTimeLocale } = (await web('lib/time')) as { setTimeLocale: (locale: string) => void };
const catalog = async (language: string) =>
  ((await web(`i18n/catalogs/errors/${language}`)) as { default: object }).default;

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'uk',
  fallbackLng: 'en',
  resources: { en: { errors: en }, de: { errors: await catalog('de') }, uk: { errors: await catalog('uk') } },
  interpolation: { escapeValue: false },
});

const refusal = (code: string, extras: Record<string, unknown>) => ({ code, extras: { code, ...extras } });

test('Ukrainian picks the plural form by the number the sentence agrees with', async () => {
  await i18n.changeLanguage('uk');
  const balance = (n: number) =>
    ruleText(i18n, refusal('insufficient_balance', { balance: n, tokens: 70 }), 'UTC');
  assert.is(balance(1), 'Балансу в 1 токен недостатньо.');
  assert.is(balance(3), 'Балансу в 3 токени недостатньо.');
  assert.is(balance(5), 'Балансу в 5 токенів недостатньо.');
  assert.is(
    ruleText(i18n, refusal('too_many_documents', { limit: 20 }), 'UTC'),
    'У цій кімнаті вже є 20 спільних документів; скористайтеся одним із них.',
  );
});

test("an instant is written in the person's time zone and language, not as the server's ISO string", async () => {
  await i18n.changeLanguage('de');
  setTimeLocale('de-DE');
  const text = ruleText(
    i18n,
    refusal('teacher_double_booked', {
      conflictingLiveSessionId: 'x',
      startsAt: '2026-03-02T09:00:00.000Z',
      endsAt: '2026-03-02T10:00:00.000Z',
    }),
    'Europe/Berlin',
  );
  assert.ok(text?.startsWith('Die Lehrkraft hat bereits eine Sitzung von '), text ?? 'no text');
  assert.ok(text!.includes('10:00') && text!.includes('11:00'), `Berlin's wall clock: ${text}`);
  assert.not.ok(text!.includes('2026-03-02T'), text!);
});

test('a code the catalogue does not word leaves the server its English', async () => {
  await i18n.changeLanguage('de');
  assert.is(ruleText(i18n, refusal('no_such_code', {}), 'UTC'), null);
  assert.is(ruleText(i18n, { extras: {} }, 'UTC'), null);
  assert.is(
    ruleText(i18n, refusal('session_canceled', { action: 'changed' }), 'UTC'),
    'Die Sitzung wurde abgesagt.',
  );
});

test.run();
