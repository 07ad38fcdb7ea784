// Words for the statuses the trainings API answers with (registrations and events), in the interface's language.
import { useTranslation } from 'react-i18next';

const STATUSES = ['registered', 'pending', 'waitlisted', 'declined', 'scheduled', 'canceled'] as const;
type Status = (typeof STATUSES)[number];
const known = (s: string): s is Status => (STATUSES as readonly string[]).includes(s);

export function useStatusLabel() {
  const { t } = useTranslation('trainingDetail');
  return (status: string) => (known(status) ? t(`status.${status}`) : status);
}
