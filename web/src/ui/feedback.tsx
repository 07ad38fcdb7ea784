// Loading, empty and error states, shared by every page so they look and read the same.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../lib/api';
import { useAuth } from '../lib/auth';
import { ruleText } from '../i18n/ruleText';
import { useProblemText } from './problemText';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('feedback.loading')}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

/** The problem+json detail (a refused rule, a missing resource or a refusal worded by its code in the person's
 * language), and each field error worded by its code. */
export function ErrorBox({ error, onRetry }: { error: ApiError | undefined; onRetry?: () => void }) {
  // The errors catalogue loads beside the page without suspending it: until it has arrived the server's detail shows.
  const { t, i18n } = useTranslation(['common', 'errors'], { useSuspense: false });
  // Not found, forbidden and field problems the same way, from the problems catalogue.
  const problems = useProblemText();
  const timeZone = useAuth()?.me?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!error) return null;
  const detail = ruleText(i18n, error, timeZone) ?? problems.detail(error) ?? error.detail;
  return (
    <div className="error-box" role="alert">
      <strong>{t(headline(error.status))}</strong> {detail}
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f, i) => (
            <li key={i}>
              <code>{problems.name(f.path) || t('feedback.request')}</code>: {problems.message(f)}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('feedback.tryAgain')}
        </button>
      )}
    </div>
  );
}

function headline(status: number) {
  if (status === 0) return 'feedback.offline' as const;
  if (status === 400) return 'feedback.badRequest' as const;
  if (status === 401) return 'feedback.unauthenticated' as const;
  if (status === 403) return 'feedback.forbidden' as const;
  if (status === 404) return 'feedback.notFound' as const;
  if (status === 409) return 'feedback.conflict' as const;
  if (status === 412) return 'feedback.changed' as const;
  return 'feedback.failed' as const;
}

export function Badge({ tone = 'neutral', children }: { tone?: string; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function statusTone(status: string) {
  const s = status.toLowerCase();
  if (['scheduled', 'added', 'registered', 'open'].includes(s)) return 'info';
  if (['active', 'started', 'waitlisted', 'pending'].includes(s)) return 'warn';
  if (['ended', 'completed', 'passed', 'verified', 'present', 'attended', 'confirmed'].includes(s))
    return 'ok';
  if (['canceled', 'cancelled', 'absent', 'failed', 'revoked'].includes(s)) return 'bad';
  return 'neutral';
}
