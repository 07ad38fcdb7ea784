// A refusal in the live room as the person reads it (web/src/room/rt/errorText.ts, folded into a notice by
// roomState.ts with the person's time zone from their profile): a rule the gateway refused is worded from the
// errors catalogue, its times in the zone given, not in whatever zone the browser happens to be in.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import i18next from 'i18next';
import en from '../../web/src/i18n/catalogs/errors/en.js';
import type { ServerMessage } from '../../contract/realtime.js';

// The web client's modules import extensionless paths, which the server's type check refuses: loaded at run time.
const web = (path: string) => import(`../../web/src/${path}.ts`);
type ErrorMessage = Extract<ServerMessage, { type: 'error' }>;
const { roomErrorText } = (await web('room/rt/errorText')) as {
  roomErrorText: (i18n: typeof i18next, m: ErrorMessage, timeZone: string) => string;
};
const { setTimeLocale } = (await web('lib/time')) as { setTimeLocale: (locale: string) => void };

await i18next.init({
  lng: 'en',
  resources: { en: { errors: en } },
  interpolation: { escapeValue: false },
});
setTimeLocale('en-GB');

const refused: ErrorMessage = {
  type: 'error',
  code: 'rule',
  message: 'the teacher already has a session from 2026-03-02T09:00:00.000Z',
  details: {
    code: 'teacher_double_booked',
    conflictingLiveSessionId: 'x',
    startsAt: '2026-03-02T09:00:00.000Z',
    endsAt: '2026-03-02T10:00:00.000Z',
  },
};

test("a refused rule's times are in the person's time zone, not the server's ISO strings", () => {
  const tokyo = roomErrorText(i18next, refused, 'Asia/Tokyo');
  assert.ok(tokyo.includes('18:00') && tokyo.includes('19:00'), `Tokyo's wall clock: ${tokyo}`);
  assert.not.ok(tokyo.includes('2026-03-02T'), tokyo);
  const berlin = roomErrorText(i18next, refused, 'Europe/Berlin');
  assert.ok(berlin.includes('10:00') && berlin.includes('11:00'), `Berlin's wall clock: ${berlin}`);
});

test('a refusal the catalogue cannot word keeps the gateway’s words', () => {
  const unknown = { ...refused, details: { code: 'no_such_rule' } };
  assert.is(roomErrorText(i18next, unknown, 'UTC'), refused.message);
});

test.run();
