// Loading, empty and error states, shared by every page so they look and read the same.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../lib/api';

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

/** The problem+json detail, and each field error under it. */
export function ErrorBox({ error, onRetry }: { error: ApiError | undefined; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="error-box" role="alert">
      <strong>{t(headline(error.status))}</strong> {error.detail}
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f, i) => (
            <li key={i}>
              <code>{f.path.replace(/^(body|querystring|params)\.?/, '') || t('feedback.request')}</code>:{' '}
              {f.message}
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
