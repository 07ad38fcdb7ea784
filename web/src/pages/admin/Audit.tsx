// Audit search (admins): who did what and when, filtered by person, event type, session, training and time;
// paged, with the same search as CSV.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs, ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/useApi';
import { formatDateTime, zonedToIso } from '../../lib/time';
import { PageHeader } from '../../ui/Layout';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import type { Person } from './People';

type Row = {
  eventId: string;
  at: string;
  type: string;
  streamId: string;
  streamRevision: number;
  actorId: string | null;
  actorName: string | null;
  correlationId: string | null;
  liveSessionId: string | null;
  trainingId: string | null;
};
type Page = { events: Row[]; next: string | null };

export default function Audit(_: { params: Record<string, string> }) {
  const { t } = useTranslation('admin');
  const me = useMe();
  const people = useApi<{ people: Person[] }>('/api/people');
  const [form, setForm] = useState({ personId: '', type: '', from: '', to: '', liveSessionId: '' });
  const [query, setQuery] = useState<Record<string, string>>({});
  const first = useApi<Page>(`/api/audit${qs({ ...query, limit: 50 })}`);
  const [more, setMore] = useState<Row[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [moreError, setMoreError] = useState<ApiError>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMore([]);
    setNext(undefined);
    setQuery({
      personId: form.personId,
      type: form.type.replace(/\s+/g, ''),
      liveSessionId: form.liveSessionId.trim(),
      from: form.from ? zonedToIso(form.from, me.timeZone) : '',
      to: form.to ? zonedToIso(form.to, me.timeZone) : '',
    });
  };
  const cursor = next === undefined ? first.data?.next : next;
  const loadMore = async () => {
    try {
      const page = await api.get<Page>(`/api/audit${qs({ ...query, limit: 50, cursor })}`);
      setMore((m) => [...m, ...page.events]);
      setNext(page.next);
    } catch (e) {
      setMoreError(e as ApiError);
    }
  };
  const rows = [...(first.data?.events ?? []), ...more];
  return (
    <section>
      <PageHeader
        title={t('audit.title')}
        actions={
          <a className="btn" href={`/api/audit.csv${qs(query)}`} download>
            {t('audit.exportCsv')}
          </a>
        }
      >
        {t('audit.intro')}
      </PageHeader>
      <form className="toolbar" onSubmit={submit} role="search" aria-label={t('audit.search')}>
        <label className="field">
          <span>{t('audit.person')}</span>
          <select value={form.personId} onChange={(e) => setForm({ ...form, personId: e.target.value })}>
            <option value="">{t('audit.anyone')}</option>
            {people.data?.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.types')}</span>
          <input
            value={form.type}
            placeholder="LiveSessionScheduled"
            onChange={(e) => setForm({ ...form, type: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('audit.liveSessionId')}</span>
          <input
            value={form.liveSessionId}
            onChange={(e) => setForm({ ...form, liveSessionId: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('audit.from')}</span>
          <input
            type="datetime-local"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('audit.to')}</span>
          <input
            type="datetime-local"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
          />
        </label>
        <button className="btn btn-primary">{t('audit.submit')}</button>
      </form>
      <ErrorBox error={first.error ?? moreError} onRetry={first.reload} />
      {first.loading && <Loading />}
      {!first.loading && rows.length === 0 && !first.error && <Empty title={t('audit.empty')} />}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('audit.table.when')}</th>
              <th scope="col">{t('audit.table.event')}</th>
              <th scope="col">{t('audit.table.by')}</th>
              <th scope="col">{t('audit.table.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.eventId}>
                <td>{formatDateTime(r.at, me.timeZone, { second: '2-digit' })}</td>
                <td>
                  <code>{r.type}</code>
                </td>
                <td>{r.actorName ?? r.actorId ?? t('audit.system')}</td>
                <td>
                  {r.liveSessionId ? (
                    <Link href={`/platform/sessions/${r.liveSessionId}`}>{t('audit.liveSession')}</Link>
                  ) : r.trainingId ? (
                    <Link href={`/platform/trainings/${r.trainingId}`}>{t('audit.training')}</Link>
                  ) : (
                    <span className="muted">
                      {t('audit.stream', { stream: r.streamId.split('-')[0], revision: r.streamRevision })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <div className="row">
          <button type="button" className="btn" onClick={() => void loadMore()}>
            {t('audit.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
