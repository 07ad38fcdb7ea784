// The dates a schedule rule did not schedule, and why, in the person's language (enrollment and group rules
// alike): the server's code worded from the catalogue, the conflicting session's times in the person's locale and
// time zone. A date skipped before codes were shows the reason the server stored.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime } from '../../lib/time';
import type { SkippedOccurrence } from '../../../../contract/enrollments';

export type Skip = Pick<SkippedOccurrence, 'start' | 'reason' | 'conflictStart' | 'conflictEnd'> & {
  code: SkippedOccurrence['code'] | null;
};

export function useSkipReason(timeZone: string) {
  const { t } = useTranslation('enrollments');
  return (s: Omit<Skip, 'start'>): string => {
    if (!s.code) return s.reason;
    if (s.code === 'teacher_busy' && s.conflictStart && s.conflictEnd)
      return t('skipReason.teacher_busyAt', {
        from: formatDateTime(s.conflictStart, timeZone),
        until: formatTime(s.conflictEnd, timeZone),
      });
    if (s.code === 'other') return t('skipReason.other', { reason: s.reason });
    return t(`skipReason.${s.code}`);
  };
}

function List({ skipped, timeZone }: { skipped: Skip[]; timeZone: string }) {
  const why = useSkipReason(timeZone);
  return (
    <ul data-testid="skipped-dates">
      {skipped.map((s) => (
        <li key={s.start} data-code={s.code ?? undefined}>
          {formatDateTime(s.start, timeZone)}: {why(s)}
        </li>
      ))}
    </ul>
  );
}

/** Waits for its catalogue in its own Suspense: the Groups page shows it too, under another namespace. */
export function SkippedDates(props: { skipped: Skip[]; timeZone: string }) {
  if (props.skipped.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <List {...props} />
    </Suspense>
  );
}
