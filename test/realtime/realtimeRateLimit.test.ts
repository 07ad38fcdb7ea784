// Per-connection message budgets of the gateway.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rateLimiter } from '../../realtime/rateLimit.js';

test('chat is limited to a burst of 20, then 5 a second; signals are not held back by chat', () => {
  let t = 0;
  const limiter = rateLimiter(() => t);
  const chat = Array.from({ length: 25 }, () => limiter.allow('chat.post'));
  assert.is(chat.filter(Boolean).length, 20);
  assert.ok(limiter.allow('signal'), 'signals have their own budget');
  t += 1000;
  assert.is(Array.from({ length: 10 }, () => limiter.allow('chat.post')).filter(Boolean).length, 5);
});

test('relayed traffic allows bursts of 400', () => {
  const limiter = rateLimiter(() => 0);
  assert.is(Array.from({ length: 450 }, () => limiter.allow('yjs.sync')).filter(Boolean).length, 400);
});

test.run();
