// People (admins): everyone in the organisation by role, invite someone, change a role or time zone.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { qs } from '../../lib/api';
import { PageHeader } from '../../ui/Layout';
import { Dialog } from '../../ui/Dialog';
import { Badge, Empty, ErrorBox, Loading } from '../../ui/feedback';

export type Person = {
  id: string;
  role: 'admin' | 'teacher' | 'student';
  name: string;
  email: string;
  timeZone: string;
  language: string;
  active: boolean;
  erased: boolean;
  hasPassword: boolean;
};
type Invitation = { link: string | null; delivery: 'mail' | 'log-only'; expiresAt: string };

const ZONES: string[] = (
  Intl as unknown as { supportedValuesOf?: (k: string) => string[] }
).supportedValuesOf?.('timeZone') ?? ['UTC'];

export default function People(_: { params: Record<string, string> }) {
  const { t } = useTranslation(['admin', 'common']);
  const me = useMe();
  const [role, setRole] = useState('');
  const people = useApi<{ people: Person[] }>(`/api/people${qs({ role })}`);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Person | null>(null);
  return (
    <section>
      <PageHeader
        title={t('people.title')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setInviting(true)}>
            {t('people.invite')}
          </button>
        }
      >
        {t('people.intro')}
      </PageHeader>
      <div className="toolbar">
        <label className="field">
          <span>{t('people.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('people.filter.everyone')}</option>
            <option value="admin">{t('people.filter.admin')}</option>
            <option value="teacher">{t('people.filter.teacher')}</option>
            <option value="student">{t('people.filter.student')}</option>
          </select>
        </label>
      </div>
      <ErrorBox error={people.error} onRetry={people.reload} />
      {people.loading && !people.data && <Loading />}
      {people.data && people.data.people.length === 0 && <Empty title={t('people.empty')} />}
      {people.data && people.data.people.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('people.table.name')}</th>
              <th scope="col">{t('people.table.email')}</th>
              <th scope="col">{t('people.table.role')}</th>
              <th scope="col">{t('people.table.timeZone')}</th>
              <th scope="col">{t('people.table.status')}</th>
              <th scope="col">{t('people.table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data.people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.email}</td>
                <td className="cap">{t(`role.${p.role}`, { ns: 'common' })}</td>
                <td>{p.timeZone}</td>
                <td>
                  {!p.active ? (
                    <Badge tone="bad">{t('people.status.inactive')}</Badge>
                  ) : !p.hasPassword ? (
                    <Badge tone="warn">{t('people.status.invited')}</Badge>
                  ) : (
                    <Badge tone="ok">{t('people.status.active')}</Badge>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setEditing(p)}
                    aria-label={t('people.editPerson', { name: p.name })}
                  >
                    {t('action.edit', { ns: 'common' })}
                  </button>
                  {p.id === me.id && <span className="muted"> {t('people.you')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {inviting && <Invite onClose={() => setInviting(false)} onDone={people.reload} />}
      {editing && (
        <EditPerson
          person={editing}
          onClose={() => setEditing(null)}
          onDone={() => (setEditing(null), people.reload())}
        />
      )}
    </section>
  );
}

function Invite({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const me = useMe();
  const [form, setForm] = useState({ name: '', email: '', role: 'student', timeZone: me.timeZone });
  const [sent, setSent] = useState<Invitation>();
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() => api.post<{ invitation: Invitation }>('/api/people', form));
    if (r) {
      setSent(r.invitation);
      onDone();
    }
  };
  return (
    <Dialog title={t('people.invite')} open onClose={onClose}>
      {sent ? (
        <div role="status">
          <p>{sent.delivery === 'mail' ? t('people.mailed') : t('people.logOnly')}</p>
          {sent.link && (
            <p>
              <code className="break">{sent.link}</code>
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t('people.done')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <ErrorBox error={action.error} />
          <label className="field">
            <span>{t('people.name')}</span>
            <input
              required
              maxLength={200}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('people.email')}</span>
            <input
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('people.role')}</span>
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              <option value="student">{t('people.roleOption.student')}</option>
              <option value="teacher">{t('people.roleOption.teacher')}</option>
              <option value="admin">{t('people.roleOption.admin')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('people.timeZone')}</span>
            <select value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
              {ZONES.map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
          </label>
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('action.cancel', { ns: 'common' })}
            </button>
            <button className="btn btn-primary" disabled={action.pending}>
              {t('people.sendInvitation')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function EditPerson({
  person,
  onClose,
  onDone,
}: {
  person: Person;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const [form, setForm] = useState({ name: person.name, role: person.role, timeZone: person.timeZone });
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => api.patch(`/api/people/${person.id}`, form));
    if (ok) onDone();
  };
  return (
    <Dialog title={t('people.editPerson', { name: person.name })} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('people.name')}</span>
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('people.role')}</span>
          <select
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Person['role'] })}
          >
            <option value="student">{t('people.roleOption.student')}</option>
            <option value="teacher">{t('people.roleOption.teacher')}</option>
            <option value="admin">{t('people.roleOption.admin')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('people.timeZone')}</span>
          <select value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
            {ZONES.map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('action.save', { ns: 'common' })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
