// Shown where the server has no route for a page yet (an older server build): says so plainly.
import { useTranslation } from 'react-i18next';
import { Empty } from './feedback';

export function Unavailable({ what }: { what: string }) {
  const { t } = useTranslation();
  return <Empty title={t('unavailable.title', { what })}>{t('unavailable.body')}</Empty>;
}
