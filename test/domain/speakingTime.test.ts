// Speaking time in a live room, as specifications: each person reports their own seconds at most every 10 s,
// never more than have passed, silence records nothing; the balance adds them up per side.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../support/decider.js';
import { roomDecider } from '../../domain/room/decider.js';
import type { RoomEvent } from '../../domain/room/events.js';
import { evolve, initialState } from '../../domain/room/state.js';
import { speakingBalance } from '../../domain/room/speaking.js';
import { RuleViolation, ValidationError } from '../../domain/shared/errors.js';

const test = suite('speaking time');
const roomId = 'ls-1';
const t0 = '2026-11-23T08:00:00.000Z';
const at = (s: number) => new Date(Date.parse(t0) + s * 1000).toISOString();
const ana = { personId: 'ana', roomRole: 'participant' as const };
const host = { personId: 'teacher', roomRole: 'host' as const };
const given = spec(roomDecider).given;
const report = (
  actor: { personId: string; roomRole: 'host' | 'participant' },
  s: number,
  seconds: number,
) => ({
  type: 'RecordSpeakingTime' as const,
  roomId,
  now: at(s),
  actor,
  seconds,
});
const recorded = (personId: string, s: number, seconds: number): RoomEvent => ({
  type: 'RoomSpeakingTimeRecorded',
  data: { roomId, at: at(s), personId, seconds },
});

test('a first report is recorded as the speaker’s own seconds', () => {
  given([])
    .when(report(ana, 0, 4.25))
    .then([recorded('ana', 0, 4.3)]);
});

test('a report sooner than 10 s after the last is refused', () => {
  given([recorded('ana', 0, 4)])
    .when(report(ana, 5, 3))
    .thenThrows(RuleViolation, 'speaking_report_too_soon');
  // Someone else's report is their own business.
  given([recorded('ana', 0, 4)])
    .when(report(host, 5, 3))
    .then([recorded('teacher', 5, 3)]);
});

test('never more seconds than have passed since the last report', () => {
  given([recorded('ana', 0, 4)])
    .when(report(ana, 12, 15))
    .then([recorded('ana', 12, 12)]);
});

test('silence records nothing; out-of-range seconds are refused', () => {
  given([])
    .when(report(ana, 0, 0))
    .thenNothing();
  given([])
    .when(report(ana, 0, 16))
    .thenThrows(ValidationError);
  given([])
    .when(report(ana, 0, -1))
    .thenThrows(ValidationError);
  given([])
    .when(report(ana, 0, Number.NaN))
    .thenThrows(ValidationError);
});

test('the balance: seconds per person, the students’ share, the silent with 0 s', () => {
  const state = [
    recorded('teacher', 0, 10),
    recorded('ana', 0, 6),
    recorded('ana', 10, 4),
    recorded('teacher', 10, 10),
  ].reduce(evolve, initialState());
  assert.equal(state.speaking.ana, { seconds: 10, lastAt: at(10) });
  const balance = speakingBalance(state.speaking, ['teacher'], ['ana', 'ben']);
  assert.equal(
    [balance.totalSeconds, balance.hostSeconds, balance.participantSeconds, balance.participantShare],
    [30, 20, 10, 0.333],
  );
  assert.equal(
    balance.people.map((p) => [p.personId, p.seconds, p.share]),
    [
      ['teacher', 20, 0.667],
      ['ana', 10, 0.333],
      ['ben', 0, 0],
    ],
  );
  assert.is(speakingBalance({}, ['teacher'], ['ana']).participantShare, null);
});

test.run();
