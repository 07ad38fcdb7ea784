// The lifecycle of a live session after scheduling: the room, presence, starting, ending, canceling, deleting.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { liveSessionDecider } from '../../domain/liveSession/decider.js';
import type { LiveSessionEvent } from '../../domain/liveSession/events.js';
import { ForbiddenError, NotFoundError, RuleViolation } from '../../domain/shared/errors.js';
import { isLate, minutesPresent } from '../../domain/liveSession/attendance.js';
import type { ExistingSession } from '../../domain/liveSession/state.js';
import * as assert from 'uvu/assert';

import { at, ended, id, joined, left, scheduled, started } from './liveSessionLifecycle.fixtures.js';

const presence = (personId: string, p: 'joined' | 'left', m: number) => ({
  type: 'RecordPresence' as const,
  liveSessionId: id,
  now: at(m),
  personId,
  presence: p,
  at: at(m),
});
const given = spec(liveSessionDecider).given;

const room = suite('the room and presence');
room('a participant joins once the room is open (10 minutes before the start)', () => {
  given([scheduled])
    .when(presence('s1', 'joined', -10))
    .then([joined('s1', -10)]);
  given([scheduled])
    .when(presence('s1', 'joined', -11))
    .thenThrows(RuleViolation, 'room_not_open');
});
room('joining twice or leaving twice records nothing', () => {
  given([scheduled, started(), joined('s1', 1)])
    .when(presence('s1', 'joined', 2))
    .thenNothing();
  given([scheduled, started(), joined('s1', 1), left('s1', 3)])
    .when(presence('s1', 'left', 4))
    .thenNothing();
  given([scheduled, started()])
    .when(presence('s1', 'left', 4))
    .thenNothing();
});
room('the teacher is present too; a stranger is not allowed in', () => {
  given([scheduled])
    .when(presence('teacher', 'joined', -5))
    .then([joined('teacher', -5)]);
  given([scheduled])
    .when(presence('stranger', 'joined', 0))
    .thenThrows(ForbiddenError);
});
room('after the end nobody joins, and leaving is a no-op', () => {
  given([scheduled, started(), joined('s1', 0), ended(50)])
    .when(presence('s1', 'joined', 51))
    .thenThrows(RuleViolation, 'session_ended');
  given([scheduled, started(), joined('s1', 0), ended(50)])
    .when(presence('s1', 'left', 51))
    .thenNothing();
});
room('minutes present count from the lesson start to each leave or the end; late after 5 minutes', () => {
  const history = [
    scheduled,
    joined('s1', -8),
    started(0),
    joined('s2', 7),
    left('s1', 20),
    joined('s1', 30),
    ended(45),
  ];
  const state = history.reduce(
    liveSessionDecider.evolve,
    liveSessionDecider.initialState(),
  ) as ExistingSession;
  assert.is(minutesPresent(state, 's1', at(45)), 35);
  assert.is(minutesPresent(state, 's2', at(45)), 38);
  assert.is(minutesPresent(state, 's3', at(45)), 0);
  assert.is(isLate(state, 's1'), false);
  assert.is(isLate(state, 's2'), true);
});
room.run();

const lifecycle = suite('scheduled → active → ended, or canceled, or deleted');
const cmd = <T extends string>(type: T, m: number) => ({ type, liveSessionId: id, now: at(m) });
lifecycle('the teacher starts from 10 minutes before the start; starting twice records nothing', () => {
  given([scheduled])
    .when(cmd('StartLiveSession', -10))
    .then([started(-10)]);
  given([scheduled]).when(cmd('StartLiveSession', -30)).thenThrows(RuleViolation, 'room_not_open');
  given([scheduled, started()]).when(cmd('StartLiveSession', 1)).thenNothing();
});
lifecycle('only a running session ends; ending twice records nothing', () => {
  given([scheduled]).when(cmd('EndLiveSession', 5)).thenThrows(RuleViolation, 'session_not_started');
  given([scheduled, started()])
    .when(cmd('EndLiveSession', 55))
    .then([ended(55)]);
  given([scheduled, started(), ended(55)])
    .when(cmd('EndLiveSession', 56))
    .thenNothing();
});
lifecycle('an active session cannot be rescheduled', () =>
  given([scheduled, started()])
    .when({ ...cmd('RescheduleLiveSession', 1), start: at(60), durationMinutes: 60, timeZone: 'UTC' })
    .thenThrows(RuleViolation, 'session_active'),
);
lifecycle('a session that did not take place can be canceled, also when the room was opened', () =>
  given([scheduled, started()])
    .when({ ...cmd('CancelLiveSession', 10), reason: 'nobody came' })
    .then([{ type: 'LiveSessionCanceled', data: { liveSessionId: id, reason: 'nobody came' } }]),
);
lifecycle('deleting is for mistaken records: scheduled or canceled, never one that ran', () => {
  const deleted: LiveSessionEvent = {
    type: 'LiveSessionDeleted',
    data: { liveSessionId: id, reason: 'typo' },
  };
  given([scheduled])
    .when({ ...cmd('DeleteLiveSession', -60), reason: 'typo' })
    .then([deleted]);
  given([scheduled, started()])
    .when({ ...cmd('DeleteLiveSession', 5), reason: 'typo' })
    .thenThrows(RuleViolation, 'session_active');
  given([scheduled, deleted]).when(cmd('StartLiveSession', 0)).thenThrows(NotFoundError);
});
lifecycle.run();
