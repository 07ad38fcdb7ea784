// A clock tests set and move by hand.
import type { Clock } from '../../kernel/clock.js';

export type TestClock = Clock & { set(iso: string): void; advance(minutes: number): void };

export function testClock(iso = '2026-11-23T08:00:00.000Z'): TestClock {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (value) => (now = new Date(value)),
    advance: (minutes) => (now = new Date(now.getTime() + minutes * 60_000)),
  };
}
