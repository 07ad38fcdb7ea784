// Dates shown in the signed-in person's time zone and language, relative phrases ("in 3 days"), and wall-clock <->
// instant.

let locale: string | undefined;
/** The locale dates are written in: the interface's (set by i18n when the language changes). */
export const setTimeLocale = (next: string) => {
  locale = next;
};
const currentLocale = () => locale;

export function formatDateTime(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions = {}) {
  return new Intl.DateTimeFormat(currentLocale(), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...options,
  }).format(new Date(iso));
}

export const formatDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(currentLocale(), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));

export const formatTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(currentLocale(), { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 days", "2 hours ago", "now". */
export function relative(iso: string, now = Date.now()) {
  const diff = new Date(iso).getTime() - now;
  const rtf = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  return rtf.format(0, 'second');
}

/** The offset (ms) of a time zone at an instant: local wall clock minus UTC. */
export function offsetAt(timeZone: string, epochMs: number) {
  const parts = wallClock(timeZone, epochMs);
  const asUtc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** [year, month (1-12), day, hour, minute, second] of an instant in a time zone. */
export function wallClock(
  timeZone: string,
  epochMs: number,
): [number, number, number, number, number, number] {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const get = (type: string) =>
    Number(f.formatToParts(new Date(epochMs)).find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** "2026-11-23T16:00" read as a wall clock in `timeZone` -> the instant as ISO (UTC). */
export function zonedToIso(local: string, timeZone: string) {
  const [date, time = '00:00'] = local.split('T');
  const [y, mo, d] = date!.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  let instant = guess - offsetAt(timeZone, guess);
  instant = guess - offsetAt(timeZone, instant);
  return new Date(instant).toISOString();
}

/** The instant as a "YYYY-MM-DDTHH:mm" wall clock in `timeZone`, for <input type="datetime-local">. */
export function isoToZoned(iso: string, timeZone: string) {
  const [y, mo, d, h, mi] = wallClock(timeZone, new Date(iso).getTime());
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}`;
}
