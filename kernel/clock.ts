// Time comes from a clock that tests fix; nothing reads the system time directly.
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
