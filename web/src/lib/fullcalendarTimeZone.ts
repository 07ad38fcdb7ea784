// Named time zones for FullCalendar from the browser's Intl data, so no date library ships in the bundle.
import { createPlugin } from '@fullcalendar/core';
import { NamedTimeZoneImpl } from '@fullcalendar/core/internal';
import { offsetAt, wallClock } from './time';

class IntlNamedTimeZone extends NamedTimeZoneImpl {
  // `a` is a wall clock [y, month0, d, h, mi, s, ms]; the answer is the zone's offset there, in minutes.
  offsetForArray(a: number[]): number {
    const guess = Date.UTC(a[0]!, a[1] ?? 0, a[2] ?? 1, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0);
    const first = offsetAt(this.timeZoneName, guess);
    return offsetAt(this.timeZoneName, guess - first) / 60_000;
  }

  timestampToArray(ms: number): number[] {
    const [y, mo, d, h, mi, s] = wallClock(this.timeZoneName, ms);
    return [y, mo - 1, d, h, mi, s, ((ms % 1000) + 1000) % 1000];
  }
}

export const intlTimeZonePlugin = createPlugin({
  name: 'lectern-intl-time-zone',
  namedTimeZonedImpl: IntlNamedTimeZone,
});
