// zod building blocks used by commands and events of several aggregates.
import { z } from 'zod';
import { isTimeZone } from './time.js';

export const Id = z.string().uuid();
export const IsoDateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
export const TimeZone = z.string().refine(isTimeZone, {
  message: 'must be an IANA time zone, e.g. Europe/Berlin',
  params: { rule: 'time_zone' },
});
export const Tokens = z.number().int().min(0).max(1_000_000);
