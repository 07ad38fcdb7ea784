// ICS building without I/O: wall-clock times in each event's zone across daylight-saving changes, one VTIMEZONE
// per zone, UID and SEQUENCE carried, CANCEL marks events cancelled.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildIcs, localTime } from '../../mail/ics.js';
import type { CalendarItem } from '../../projections/outbox/items.js';
import { calendarOf } from './support/ics.js';

const item = (over: Partial<CalendarItem>): CalendarItem => ({
  id: 'a',
  kind: 'training',
  uid: 'training-event-a@lectern',
  sequence: 0,
  status: 'scheduled',
  title: null,
  trainingName: 'First Aid',
  sectionName: 'A',
  courseId: null,
  trainingId: 't',
  hostId: null,
  start: '2027-01-11T16:00:00.000Z',
  end: '2027-01-11T17:00:00.000Z',
  timeZone: 'Europe/Berlin',
  location: null,
  link: null,
  notes: null,
  ...over,
});
const stamp = new Date('2026-11-22T00:00:00Z');
const summaryOf = (i: CalendarItem) => `${i.trainingName} ${i.sectionName}`;

test('local time follows the zone across daylight saving', () => {
  assert.is(localTime('2027-01-11T16:00:00Z', 'Europe/Berlin'), '2027-01-11T17:00:00');
  assert.is(localTime('2027-07-12T15:00:00Z', 'Europe/Berlin'), '2027-07-12T17:00:00');
  assert.is(localTime('2027-03-14T07:30:00Z', 'America/New_York'), '2027-03-14T03:30:00');
});

test('each event keeps its zone, UID and SEQUENCE; one VTIMEZONE per zone', () => {
  const ics = calendarOf(
    buildIcs(
      [
        item({}),
        item({
          id: 'b',
          uid: 'training-event-b@lectern',
          start: '2027-07-12T15:00:00.000Z',
          end: '2027-07-12T16:00:00.000Z',
          sequence: 7,
        }),
        item({
          id: 'c',
          uid: 'training-event-c@lectern',
          timeZone: 'Australia/Sydney',
          start: '2027-01-13T23:00:00.000Z',
          end: '2027-01-14T01:00:00.000Z',
        }),
      ],
      { method: 'REQUEST', stamp, summaryOf },
    ),
  );
  assert.is(ics.method, 'REQUEST');
  assert.equal(ics.timezones.sort(), ['Australia/Sydney', 'Europe/Berlin']);
  assert.equal(
    ics.events.map((e) => [e.uid, e.sequence, e.start.tzid, e.start.local, e.end.local, e.status]),
    [
      ['training-event-a@lectern', 0, 'Europe/Berlin', '20270111T170000', '20270111T180000', 'CONFIRMED'],
      ['training-event-b@lectern', 7, 'Europe/Berlin', '20270712T170000', '20270712T180000', 'CONFIRMED'],
      ['training-event-c@lectern', 0, 'Australia/Sydney', '20270114T100000', '20270114T120000', 'CONFIRMED'],
    ],
  );
  assert.is(ics.events[0]!.summary, 'First Aid A');
});

test('a CANCEL document marks its events cancelled', () => {
  const ics = calendarOf(buildIcs([item({ sequence: 3 })], { method: 'CANCEL', stamp, summaryOf }));
  assert.is(ics.method, 'CANCEL');
  assert.is(ics.events[0]!.status, 'CANCELLED');
  assert.is(ics.events[0]!.sequence, 3);
});

test('a canceled entry in a feed is published as CANCELLED', () => {
  const text = buildIcs([item({ status: 'canceled' })], { method: 'PUBLISH', stamp, summaryOf });
  const ics = calendarOf(text);
  assert.is(ics.method, 'PUBLISH');
  assert.match(text, 'X-PUBLISHED-TTL:PT1H');
  assert.is(ics.events[0]!.status, 'CANCELLED');
});

test.run();
