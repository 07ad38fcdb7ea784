// Weekday codes of schedule rules (RRULE BYDAY), and a rule's days and time as people read them
// ("Monday, Thursday at 18:00") in the interface's language.
import { useTranslation } from 'react-i18next';

/** The codes in order, each with its English name (other languages: `useDayName`). */
export const DAYS = [
  ['MO', 'Monday'],
  ['TU', 'Tuesday'],
  ['WE', 'Wednesday'],
  ['TH', 'Thursday'],
  ['FR', 'Friday'],
  ['SA', 'Saturday'],
  ['SU', 'Sunday'],
] as const;
type Day = (typeof DAYS)[number][0];
const isDay = (d: string): d is Day => DAYS.some(([k]) => k === d);

/** A weekday code's name in the interface's language (an unknown code as it comes). */
export function useDayName() {
  const { t } = useTranslation('enrollments');
  return (d: string) => (isDay(d) ? t(`day.${d}`) : d);
}

/** "Monday, Thursday at 18:00": a rule's weekdays and time. */
export function useRuleSummary() {
  const { t } = useTranslation('enrollments');
  const dayName = useDayName();
  return (rule: { weekdays: string[]; time: string }) =>
    t('rule.summary', { days: rule.weekdays.map(dayName).join(', '), time: rule.time });
}
