// The personal calendar feed: a secret URL per person that calendar apps poll, carrying their live sessions
// (as teacher or participant) and training events (as registered learner or trainer), canceled ones marked
// CANCELLED so subscribed calendars drop them. The token is stored as issued because the person must be able
// to see their URL again; it grants only this read-only feed and rotating it retires the old one at once.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/schema.js';
import { itemsWhere } from '../projections/outbox/items.js';
import { buildIcs } from './ics.js';
import { pageOf, titleOf, whenOf } from './templates.js';
import { mailTexts } from './texts/index.js';
import { personLanguageOf } from '../domain/shared/languages.js';

const PAST_DAYS = 60;
const FUTURE_DAYS = 400;

export const feedUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/calendar/feed/${token}.ics`;

const newToken = () => randomBytes(24).toString('base64url');

export async function feedToken(db: Db, person: { personId: string; orgId: string }, now: Date) {
  await db
    .insertInto('calendar_feed_tokens')
    .values({ person_id: person.personId, org_id: person.orgId, token: newToken(), created_at: now })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
  return db
    .selectFrom('calendar_feed_tokens')
    .select(['token', 'created_at'])
    .where('person_id', '=', person.personId)
    .executeTakeFirstOrThrow();
}

export async function rotateFeedToken(db: Db, person: { personId: string; orgId: string }, now: Date) {
  const token = newToken();
  await db
    .insertInto('calendar_feed_tokens')
    .values({ person_id: person.personId, org_id: person.orgId, token, created_at: now })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ token, created_at: now }))
    .execute();
  return { token, created_at: now };
}

/** The feed behind a token, or undefined for an unknown token or a person who is erased or inactive. */
export async function feedFor(
  db: Db,
  token: string,
  now: Date,
  publicUrl: string,
): Promise<string | undefined> {
  const person = await db
    .selectFrom('calendar_feed_tokens as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .leftJoin('person_preferences as pp', 'pp.person_id', 'p.id')
    .select(['p.id', 'p.org_id', 'p.name', 'pp.language'])
    .where('f.token', '=', token)
    .where('p.active', '=', true)
    .where('p.erased_at', 'is', null)
    .executeTakeFirst();
  if (!person) return undefined;
  const language = personLanguageOf(person.language);
  const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000);
  const rows = await db
    .selectFrom('calendar_entries as e')
    .select('e.id')
    .where('e.org_id', '=', person.org_id)
    .where('e.starts_at', '>=', from)
    .where('e.starts_at', '<', to)
    .where((eb) =>
      eb.or([
        eb('e.host_id', '=', person.id),
        eb.exists(
          eb
            .selectFrom('calendar_attendees as a')
            .select('a.person_id')
            .whereRef('a.group_id', '=', 'e.group_id')
            .where('a.person_id', '=', person.id),
        ),
      ]),
    )
    .orderBy('e.starts_at')
    .limit(2000)
    .execute();
  const items = await itemsWhere(db, { ids: rows.map((r) => r.id) });
  const courseIds = [...new Set(items.flatMap((i) => (i.courseId ? [i.courseId] : [])))];
  const courses = courseIds.length
    ? await db.selectFrom('courses').select(['id', 'name']).where('id', 'in', courseIds).execute()
    : [];
  const courseNames = new Map(courses.map((c) => [c.id, c.name]));
  return buildIcs(items, {
    method: 'PUBLISH',
    name: `Lectern: ${person.name}`,
    stamp: now,
    summaryOf: (item) => titleOf(item, courseNames, mailTexts(language)),
    urlOf: (item) => pageOf(item, publicUrl),
    descriptionOf: (item) =>
      [whenOf(item, undefined, language), item.location, item.link, item.notes]
        .filter((x): x is string => !!x)
        .join('\n'),
  });
}
