// Homework statuses as people read them.
import { useTranslation } from 'react-i18next';

export const HOMEWORK_STATUS: Record<string, string> = {
  added: 'Added',
  started: 'Started',
  passed: 'Passed',
  verified: 'Verified',
};
type Status = 'added' | 'started' | 'passed' | 'verified';
type Outcome = 'passed' | 'try_again' | 'awaiting_grading';
const OUTCOMES = ['passed', 'try_again', 'awaiting_grading'];

/** A homework status and an attempt's outcome in the interface's language (unknown ones as they come). */
export function useHomeworkLabels() {
  const { t } = useTranslation('homework');
  return {
    status: (s: string) => (Object.hasOwn(HOMEWORK_STATUS, s) ? t(`status.${s as Status}`) : s),
    outcome: (o: string) => (OUTCOMES.includes(o) ? t(`outcome.${o as Outcome}`) : o),
  };
}

export const homeworkHref = (h: { enrollmentId: string; id: string }) =>
  `/platform/enrollments/${h.enrollmentId}/homework/${h.id}`;
