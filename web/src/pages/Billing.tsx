// Billing: a student's token balance with every change and its cause; admins see every wallet and credit it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, idempotencyKey } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link, navigate, useSearchParam } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { formatDateTime } from '../lib/time';
import { PageHeader } from '../ui/Layout';
import { Dialog } from '../ui/Dialog';
import { Empty, ErrorBox, Loading } from '../ui/feedback';
import type { Wallet, WalletSummary } from '../../../contract/billing';

const CAUSES = ['session', 'analysis', 'summary', 'credit', 'reversal'] as const;
const OWNERS = ['student', 'organisation'] as const;
type Cause = (typeof CAUSES)[number];
type Owner = (typeof OWNERS)[number];

/** A ledger entry's cause and a wallet's kind of owner as people read them (unknown ones as they come). */
const causeLabel = (t: TFunction<'billing'>, cause: string) =>
  (CAUSES as readonly string[]).includes(cause) ? t(`cause.${cause as Cause}`) : cause;
const ownerLabel = (t: TFunction<'billing'>, owner: string) =>
  (OWNERS as readonly string[]).includes(owner) ? t(`owner.${owner as Owner}`) : owner;

export default function Billing(_: { params: Record<string, string> }) {
  const { t } = useTranslation('billing');
  const me = useMe();
  if (me.role === 'student') return <StudentBilling />;
  if (me.role === 'admin') return <AdminBilling />;
  return (
    <section>
      <PageHeader title={t('title')} />
      <Empty title={t('notForRole')}>{t('costNote')}</Empty>
    </section>
  );
}

function StudentBilling() {
  const { t } = useTranslation('billing');
  const wallet = useApi<Wallet>('/api/wallets/me');
  return (
    <section>
      <PageHeader title={t('title')}>{t('studentIntro')}</PageHeader>
      <WalletView wallet={wallet.data} loading={wallet.loading} error={wallet.error} reload={wallet.reload} />
    </section>
  );
}

function AdminBilling() {
  const { t } = useTranslation('billing');
  const existing = useApi<WalletSummary[]>('/api/wallets');
  const students = useApi<{ people: { id: string; name: string }[] }>('/api/people?role=student');
  // A student's wallet id is the student's id: students without any change yet are listed at 0.
  const wallets = {
    ...existing,
    data: existing.data && [
      ...existing.data,
      ...(students.data?.people ?? [])
        .filter((p) => !existing.data!.some((w) => w.walletId === p.id))
        .map((p) => ({ walletId: p.id, owner: 'student', ownerId: p.id, ownerName: p.name, balance: 0 })),
    ],
    reload: () => (existing.reload(), students.reload()),
  };
  const selected = useSearchParam('wallet');
  const wallet = useApi<Wallet>(selected ? `/api/wallets/${selected}` : null);
  const [crediting, setCrediting] = useState(false);
  return (
    <section>
      <PageHeader
        title={t('title')}
        actions={
          selected && (
            <button type="button" className="btn btn-primary" onClick={() => setCrediting(true)}>
              {t('creditWallet')}
            </button>
          )
        }
      >
        {t('adminIntro')}
      </PageHeader>
      <ErrorBox error={wallets.error} onRetry={wallets.reload} />
      <div className="toolbar">
        <label className="field">
          <span>{t('wallet')}</span>
          <select
            value={selected ?? ''}
            onChange={(e) =>
              navigate(`/platform/billing${e.target.value ? `?wallet=${e.target.value}` : ''}`)
            }
          >
            <option value="">{t('chooseWallet')}</option>
            {wallets.data?.map((w) => (
              <option key={w.walletId} value={w.walletId}>
                {t('walletOption', {
                  name: w.ownerName ?? w.owner,
                  kind: ownerLabel(t, w.owner),
                  count: w.balance,
                })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!selected && wallets.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('table.owner')}</th>
              <th scope="col">{t('table.kind')}</th>
              <th scope="col" className="num">
                {t('table.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {wallets.data.map((w) => (
              <tr key={w.walletId}>
                <td>
                  <Link href={`/platform/billing?wallet=${w.walletId}`}>{w.ownerName ?? w.ownerId}</Link>
                </td>
                <td className="cap">{ownerLabel(t, w.owner)}</td>
                <td className="num">{w.balance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <WalletView
          wallet={wallet.data}
          loading={wallet.loading}
          error={wallet.error}
          reload={wallet.reload}
          admin
        />
      )}
      {crediting && wallet.data && (
        <Credit
          wallet={wallet.data}
          onClose={() => setCrediting(false)}
          onDone={() => (setCrediting(false), wallet.reload(), wallets.reload())}
        />
      )}
    </section>
  );
}

function WalletView({
  wallet,
  loading,
  error,
  reload,
  admin,
}: {
  wallet: Wallet | undefined;
  loading: boolean;
  error: ReturnType<typeof useApi>['error'];
  reload: () => void;
  admin?: boolean;
}) {
  const { t } = useTranslation('billing');
  const me = useMe();
  const reverse = useAction();
  if (loading && !wallet) return <Loading />;
  if (!wallet) return <ErrorBox error={error} onRetry={reload} />;
  return (
    <>
      <div className="card">
        <h2>{admin ? t('balanceOf', { name: wallet.ownerName ?? wallet.ownerId }) : t('balance')}</h2>
        <div className="stat" data-testid="balance">
          {t('tokens', { count: wallet.balance })}
        </div>
      </div>
      <ErrorBox error={reverse.error} />
      {wallet.ledger.length === 0 ? (
        <Empty title={t('noChanges')} />
      ) : (
        <table className="table" aria-label={t('ledger.label')}>
          <thead>
            <tr>
              <th scope="col">{t('ledger.when')}</th>
              <th scope="col">{t('ledger.cause')}</th>
              <th scope="col">{t('ledger.details')}</th>
              <th scope="col" className="num">
                {t('ledger.change')}
              </th>
              <th scope="col" className="num">
                {t('ledger.balanceAfter')}
              </th>
              {admin && <th scope="col">{t('ledger.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {[...wallet.ledger].reverse().map((l) => (
              <tr key={l.entryId}>
                <td>{formatDateTime(l.at, me.timeZone)}</td>
                <td>{causeLabel(t, l.cause)}</td>
                <td>
                  {l.liveSessionId && (
                    <Link href={`/platform/sessions/${l.liveSessionId}`}>{t('ledger.theSession')}</Link>
                  )}
                  {l.reason && <span> {l.reason}</span>}
                  {l.reversedBy && <span className="muted"> {t('ledger.reversed')}</span>}
                </td>
                <td className={`num ${l.change < 0 ? 'neg' : 'pos'}`}>
                  {l.change > 0 ? `+${l.change}` : l.change}
                </td>
                <td className="num">{l.balanceAfter}</td>
                {admin && (
                  <td>
                    {!l.reversedBy && l.cause !== 'reversal' && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={reverse.pending}
                        onClick={() => {
                          const reason = window.prompt(t('ledger.whyReverse'));
                          if (reason?.trim())
                            void reverse
                              .run(() =>
                                api.post(`/api/wallets/${wallet.walletId}/ledger/${l.entryId}/reversal`, {
                                  reason,
                                }),
                              )
                              .then((r) => r && reload());
                        }}
                      >
                        {t('ledger.reverse')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Credit({ wallet, onClose, onDone }: { wallet: Wallet; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation(['billing', 'common']);
  const [tokens, setTokens] = useState('10');
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(
        `/api/wallets/${wallet.walletId}/credits`,
        { tokens: Number(tokens), reason },
        idempotencyKey(),
      ),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title={t('creditWallet')} open onClose={onClose}>
      <form onSubmit={submit}>
        <p>{t('credit.now', { name: wallet.ownerName ?? wallet.ownerId, count: wallet.balance })}</p>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('credit.tokens')}</span>
          <input
            type="number"
            min={1}
            max={1000000}
            required
            value={tokens}
            onChange={(e) => setTokens(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('credit.reason')}</span>
          <input
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('credit.reasonPlaceholder')}
          />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('credit.submit', { count: Number(tokens) || 0 })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
