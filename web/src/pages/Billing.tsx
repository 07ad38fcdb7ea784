// Billing: a student's token balance with every change and its cause; admins see every wallet and credit it.
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link, navigate, useSearchParam } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { formatDateTime } from '../lib/time';
import { PageHeader } from '../ui/Layout';
import { Dialog } from '../ui/Dialog';
import { Empty, ErrorBox, Loading } from '../ui/feedback';
import type { Wallet, WalletSummary } from '../../../contract/billing';

const CAUSE: Record<string, string> = {
  session: 'Live session',
  analysis: 'Lesson analysis',
  summary: 'Post-session summaries',
  credit: 'Credit',
  reversal: 'Reversal',
};

export default function Billing(_: { params: Record<string, string> }) {
  const me = useMe();
  if (me.role === 'student') return <StudentBilling />;
  if (me.role === 'admin') return <AdminBilling />;
  return (
    <section>
      <PageHeader title="Billing" />
      <Empty title="Billing is for students and admins.">
        The cost of each lesson is shown in the completion confirmation before anything is deducted.
      </Empty>
    </section>
  );
}

function StudentBilling() {
  const wallet = useApi<Wallet>('/api/wallets/me');
  return (
    <section>
      <PageHeader title="Billing">Your token balance and every change to it.</PageHeader>
      <WalletView wallet={wallet.data} loading={wallet.loading} error={wallet.error} reload={wallet.reload} />
    </section>
  );
}

function AdminBilling() {
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
        title="Billing"
        actions={
          selected && (
            <button type="button" className="btn btn-primary" onClick={() => setCrediting(true)}>
              Credit wallet
            </button>
          )
        }
      >
        Every wallet in the organisation. Choose one to see its ledger or credit it.
      </PageHeader>
      <ErrorBox error={wallets.error} onRetry={wallets.reload} />
      <div className="toolbar">
        <label className="field">
          <span>Wallet</span>
          <select
            value={selected ?? ''}
            onChange={(e) =>
              navigate(`/platform/billing${e.target.value ? `?wallet=${e.target.value}` : ''}`)
            }
          >
            <option value="">Choose a wallet…</option>
            {wallets.data?.map((w) => (
              <option key={w.walletId} value={w.walletId}>
                {w.ownerName ?? w.owner} ({w.owner}) · {w.balance} tokens
              </option>
            ))}
          </select>
        </label>
      </div>
      {!selected && wallets.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Owner</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Balance
              </th>
            </tr>
          </thead>
          <tbody>
            {wallets.data.map((w) => (
              <tr key={w.walletId}>
                <td>
                  <Link href={`/platform/billing?wallet=${w.walletId}`}>{w.ownerName ?? w.ownerId}</Link>
                </td>
                <td className="cap">{w.owner}</td>
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
  const me = useMe();
  const reverse = useAction();
  if (loading && !wallet) return <Loading />;
  if (!wallet) return <ErrorBox error={error} onRetry={reload} />;
  return (
    <>
      <div className="card">
        <h2>Balance{admin ? ` of ${wallet.ownerName ?? wallet.ownerId}` : ''}</h2>
        <div className="stat" data-testid="balance">
          {wallet.balance} tokens
        </div>
      </div>
      <ErrorBox error={reverse.error} />
      {wallet.ledger.length === 0 ? (
        <Empty title="No changes yet." />
      ) : (
        <table className="table" aria-label="Balance changes">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Cause</th>
              <th scope="col">Details</th>
              <th scope="col" className="num">
                Change
              </th>
              <th scope="col" className="num">
                Balance after
              </th>
              {admin && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {[...wallet.ledger].reverse().map((l) => (
              <tr key={l.entryId}>
                <td>{formatDateTime(l.at, me.timeZone)}</td>
                <td>{CAUSE[l.cause] ?? l.cause}</td>
                <td>
                  {l.liveSessionId && <Link href={`/platform/sessions/${l.liveSessionId}`}>the session</Link>}
                  {l.reason && <span> {l.reason}</span>}
                  {l.reversedBy && <span className="muted"> (reversed)</span>}
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
                          const reason = window.prompt('Why is this entry reversed?');
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
                        Reverse
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
    <Dialog title="Credit wallet" open onClose={onClose}>
      <form onSubmit={submit}>
        <p>
          {wallet.ownerName ?? wallet.ownerId}: {wallet.balance} tokens now.
        </p>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>Tokens</span>
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
          <span>Reason</span>
          <input
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. Package of 10 lessons paid"
          />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            Credit {tokens || 0} tokens
          </button>
        </div>
      </form>
    </Dialog>
  );
}
