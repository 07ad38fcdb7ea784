// An aggregate as the write side sees it: a stream category, a decider, and the schema of its events.
import type { z } from 'zod';
import type { Decider } from '../domain/shared/decider.js';

export type Aggregate<Command, Event extends { type: string }, State> = {
  category: string;
  decider: Decider<Command, Event, State>;
  events: z.ZodType<Event>;
};

export const streamId = (category: string, id: string) => `${category}-${id}`;

/** The id part of `<category>-<id>` (ids may contain dashes; categories never do). */
export const idOfStream = (stream: string) => stream.slice(stream.indexOf('-') + 1);
export const categoryOfStream = (stream: string) => stream.slice(0, stream.indexOf('-'));
