// What each making of a session's summaries costs the organisation, shown next to the "Post-Session Summary"
// switch, with a warning when its wallet cannot pay the next ones.
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import type { SummarySettings } from '../../../../contract/sessionSummary';

export function SummaryCost() {
  const { t } = useTranslation('completion');
  const settings = useApi<SummarySettings>('/api/summary-settings');
  const s = settings.data;
  if (!s) return null;
  return (
    <p className="muted" data-testid="summary-cost">
      {s.summaryCostTokens === 0 ? t('summary.free') : t('summary.cost', { count: s.summaryCostTokens })}
      {!s.canAfford && ` ${t('summary.balanceTooLow', { balance: s.balance })}`}
    </p>
  );
}
