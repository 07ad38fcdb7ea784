// What each making of a session's summaries costs the organisation, shown next to the "Post-Session Summary"
// switch, with a warning when its wallet cannot pay the next ones.
import { useApi } from '../../lib/useApi';
import type { SummarySettings } from '../../../../contract/sessionSummary';

export function SummaryCost() {
  const settings = useApi<SummarySettings>('/api/summary-settings');
  const s = settings.data;
  if (!s) return null;
  return (
    <p className="muted" data-testid="summary-cost">
      {s.summaryCostTokens === 0
        ? 'Summaries are free.'
        : `Each session's summaries cost the organisation ${s.summaryCostTokens} tokens.`}
      {!s.canAfford && ` The organisation's balance (${s.balance}) is too low: no summaries are made.`}
    </p>
  );
}
