// Time helpers shared by deciders. Deciders receive `now` with the command; nothing here reads a clock.

export const minutes = (n: number) => n * 60_000;

export const addMinutes = (iso: string, n: number) => new Date(Date.parse(iso) + minutes(n)).toISOString();

export const overlaps = (aStart: string, aEnd: string, bStart: string, bEnd: string) =>
  Date.parse(aStart) < Date.parse(bEnd) && Date.parse(bStart) < Date.parse(aEnd);

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
