// Mail and calendar texts in each person's own language: a student who chose German gets the invitation in
// German (subject, greeting, labels, the date written the German way, the ICS description too), one who chose
// Ukrainian gets it in Ukrainian, everyone else in English; the personal calendar feed follows the same choice.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { smtpInbox, type Inbox } from './support/smtp.js';
import { parseIcs, type IcsComponent } from './support/ics.js';
import { deliverUntil } from './support/deliver.js';

const test = suite<{ t: TestApp; s: School; inbox: Inbox }>('mail in each person’s language');
test.before(async (ctx) => {
  ctx.inbox = await smtpInbox();
  ctx.t = (await testApp({ env: { SMTP_URL: ctx.inbox.url } }))!;
  ctx.s = await school(ctx.t);
  const [de, uk] = ctx.s.students;
  status(await de!.request('PUT', '/api/people/me/preferences', { language: 'de' }), 200);
  status(await uk!.request('PUT', '/api/people/me/preferences', { language: 'uk' }), 200);
});
test.after(async ({ t, inbox }) => {
  await t.close();
  await inbox.close();
});

const eventOf = (c: IcsComponent): IcsComponent | undefined =>
  c.type === 'VEVENT' ? c : c.children.map(eventOf).find(Boolean);

const descriptionOf = (ics: IcsComponent): string =>
  eventOf(ics)!
    .props.find((p) => p.name === 'DESCRIPTION')!
    .value.replace(/\\n/g, '\n')
    .replace(/\\([,;\\])/g, '$1');

test('an invitation is written in each student’s language, its date in their locale', async ({
  t,
  s,
  inbox,
}) => {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    studentIds: s.students.map((x) => x.id),
    start: '2026-11-26T09:00:00Z',
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
    title: 'Conversation club',
  });
  status(res, 201);
  const [de, uk, en] = s.students;
  await deliverUntil(t, () => [de, uk, en].every((x) => inbox.to(x!.email).length > 0));

  const german = inbox.to(de!.email)[0]!;
  assert.is(german.subject, 'Geplant: Conversation club am Do., 26. Nov. 2026, 10:00–11:00 Europe/Berlin');
  assert.match(german.text ?? '', /^Hallo /);
  assert.match(german.text ?? '', /Für Sie wurde eine Live-Sitzung geplant\./);
  assert.match(german.text ?? '', /\nWann: Do\., 26\. Nov\. 2026, 10:00–11:00 Europe\/Berlin/);
  assert.match(german.text ?? '', /\nLehrkraft: /);
  assert.match(german.text ?? '', /\nIhr Stundenplan: http/);
  const icsPart = (m: typeof german) =>
    parseIcs(m.attachments.find((a) => /calendar|ics/.test(a.contentType))!.content.toString('utf8'));
  assert.match(descriptionOf(icsPart(german)), /Wann: Do\., 26\. Nov\. 2026/);

  const ukrainian = inbox.to(uk!.email)[0]!;
  assert.match(
    ukrainian.subject ?? '',
    /^Заплановано: Conversation club — чт, 26 лист\. 2026 р\., 10:00–11:00/,
  );
  assert.match(ukrainian.text ?? '', /^Вітаємо, /);
  assert.match(ukrainian.text ?? '', /\nКоли: /);

  const english = inbox.to(en!.email)[0]!;
  assert.is(english.subject, 'Scheduled: Conversation club on Thu, 26 Nov 2026, 10:00–11:00 Europe/Berlin');
  assert.match(english.text ?? '', /^Hello /);
});

test('the personal calendar feed describes events in the person’s language', async ({ t, s }) => {
  const de = s.students[0]!;
  const url = (await de.get('/api/calendar/feed')).json().url as string;
  const feed = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
  status(feed, 200);
  const description = descriptionOf(parseIcs(feed.body));
  assert.match(description, /^Do\., 26\. Nov\. 2026, 10:00–11:00 Europe\/Berlin/);
});

test.run();
