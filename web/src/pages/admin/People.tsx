// People (admins): everyone in the organisation by role, invite someone, change a role or time zone.
import { useState, type FormEvent } from 'react';
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
  const me = useMe();
  const [role, setRole] = useState('');
  const people = useApi<{ people: Person[] }>(`/api/people${qs({ role })}`);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Person | null>(null);
  return (
    <section>
      <PageHeader
        title="People"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setInviting(true)}>
            Invite person
          </button>
        }
      >
        Admins, teachers and students of your organisation.
      </PageHeader>
      <div className="toolbar">
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">Everyone</option>
            <option value="admin">Admins</option>
            <option value="teacher">Teachers</option>
            <option value="student">Students</option>
          </select>
        </label>
      </div>
      <ErrorBox error={people.error} onRetry={people.reload} />
      {people.loading && !people.data && <Loading />}
      {people.data && people.data.people.length === 0 && <Empty title="Nobody with this role yet." />}
      {people.data && people.data.people.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Time zone</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {people.data.people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.email}</td>
                <td className="cap">{p.role}</td>
                <td>{p.timeZone}</td>
                <td>
                  {!p.active ? (
                    <Badge tone="bad">inactive</Badge>
                  ) : !p.hasPassword ? (
                    <Badge tone="warn">invited</Badge>
                  ) : (
                    <Badge tone="ok">active</Badge>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setEditing(p)}
                    aria-label={`Edit ${p.name}`}
                  >
                    Edit
                  </button>
                  {p.id === me.id && <span className="muted"> (you)</span>}
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
    <Dialog title="Invite person" open onClose={onClose}>
      {sent ? (
        <div role="status">
          <p>
            {sent.delivery === 'mail'
              ? 'The invitation was mailed.'
              : 'Mail is not configured: give this one-time link to the person.'}
          </p>
          {sent.link && (
            <p>
              <code className="break">{sent.link}</code>
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <ErrorBox error={action.error} />
          <label className="field">
            <span>Name</span>
            <input
              required
              maxLength={200}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>E-mail</span>
            <input
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </label>
          <label className="field">
            <span>Role</span>
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              <option value="student">Student</option>
              <option value="teacher">Teacher</option>
              <option value="admin">Admin</option>
            </select>
          </label>
          <label className="field">
            <span>Time zone</span>
            <select value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
              {ZONES.map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
          </label>
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button className="btn btn-primary" disabled={action.pending}>
              Send invitation
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
  const [form, setForm] = useState({ name: person.name, role: person.role, timeZone: person.timeZone });
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => api.patch(`/api/people/${person.id}`, form));
    if (ok) onDone();
  };
  return (
    <Dialog title={`Edit ${person.name}`} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>Name</span>
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label className="field">
          <span>Role</span>
          <select
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Person['role'] })}
          >
            <option value="student">Student</option>
            <option value="teacher">Teacher</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label className="field">
          <span>Time zone</span>
          <select value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
            {ZONES.map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
