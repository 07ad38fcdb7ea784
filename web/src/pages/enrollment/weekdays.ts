// Weekday codes of schedule rules (RRULE BYDAY), and a rule's days and time as people read them
// ("Monday, Thursday at 18:00") in the interface's language.
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';

/** The codes in order, Monday first (their names: `useDayName`). */
export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A weekday code's name in the interface's language, as Intl writes it (an unknown code as it comes). */
export function useDayName() {
  const format = new Intl.DateTimeFormat(useLocale(), { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return (d: string) => {
    const i = DAYS.indexOf(d as (typeof DAYS)[number]);
    return i === -1 ? d : format.format(Date.UTC(2024, 0, 1 + i));
  };
}

/** "Monday, Thursday at 18:00": a rule's weekdays and time. */
export function useRuleSummary() {
  const { t } = useTranslation('enrollments');
  const dayName = useDayName();
  return (rule: { weekdays: string[]; time: string }) =>
    t('rule.summary', { days: rule.weekdays.map(dayName).join(', '), time: rule.time });
}
