// The server's codes for why a lesson analysis failed, why the language model's text was not used, and why a
// session's newest summaries were not made, worded in the person's language (namespace completionReasons) with
// their numbers formatted in the person's locale. A text recorded before codes were is shown as the server stored it.
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import type { LessonAnalysis } from '../../../../contract/lessonAnalysis';
import type { SummaryRefusal } from '../../../../contract/sessionSummary';

type Failure = NonNullable<LessonAnalysis['lastFailure']>;
type Fallback = NonNullable<NonNullable<LessonAnalysis['report']>['engine']['fallbackReason']>;

export function useCompletionReasons() {
  const { t } = useTranslation('completionReasons');
  const locale = useLocale();
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const seconds = (ms: number | null) => {
    const s = Math.round((ms ?? 0) / 1000);
    return { count: s, seconds: number(s) };
  };
  return {
    /** A phrase after "The analysis could not be made: ". */
    analysisFailure(failure: Failure | null, stored: string | null): string | null {
      if (!failure) return stored;
      if (failure.code === 'timed_out') return t('analysisFailure.timed_out', seconds(failure.timeoutMs));
      if (failure.code === 'engine_failed' || failure.code === 'report_rejected')
        return t(`analysisFailure.${failure.code}`, { detail: failure.detail ?? '' });
      return t(`analysisFailure.${failure.code}`);
    },
    /** A phrase after "The language model was not used: ". */
    modelFallback(reason: Fallback | null | undefined, stored: string | null): string | null {
      if (!reason) return stored;
      switch (reason.code) {
        case 'http_error':
          return t('modelFallback.http_error', { status: reason.status ?? '' });
        case 'no_answer':
          return t('modelFallback.no_answer', seconds(reason.timeoutMs));
        case 'unreachable':
        case 'wrong_shape':
        case 'other':
          return t(`modelFallback.${reason.code}`, { detail: reason.detail ?? '' });
        default:
          return t(`modelFallback.${reason.code}`);
      }
    },
    /** The whole sentence; null for a code this interface does not know (then say the server's words). */
    summaryRefusal(refused: SummaryRefusal): string | null {
      if (refused.code !== 'insufficient_balance') return null;
      const values = { count: refused.tokens, tokens: number(refused.tokens) };
      return refused.balance === null
        ? t('summaryRefusal.insufficient_balanceUnknown', values)
        : t('summaryRefusal.insufficient_balance', { ...values, balance: number(refused.balance) });
    },
  };
}
