// Groups: student groups (for group sessions and trainings) and trainer groups; admins create them and change
// their members.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { PageHeader } from '../../ui/Layout';
import { Dialog } from '../../ui/Dialog';
import { SummarySwitch } from '../summary/SummarySwitch';
import { SummarySettingsCard } from '../summary/SummarySettingsCard';
import { OverdraftCard } from './OverdraftCard';
import { GroupRules } from '../groupSchedule/GroupRules';
import { TrainingsSwitchCard } from './TrainingsSwitchCard';
import { TrainerGroupAccess } from './TrainerGroupAccess';
import { Badge, Empty, ErrorBox, Loading } from '../../ui/feedback';
import type { Person } from './People';

type Group = {
  id: string;
  kind: 'students' | 'trainers';
  name: string;
  members: { id: string; name: string; role: string }[];
};

export default function Groups(_: { params: Record<string, string> }) {
  const { t } = useTranslation(['admin', 'common']);
  const me = useMe();
  const groups = useApi<{ groups: Group[] }>('/api/groups');
  const people = useApi<{ people: Person[] }>(me.role === 'admin' ? '/api/people' : null);
  const [creating, setCreating] = useState(false);
  const action = useAction();
  const admin = me.role === 'admin';
  const change = (fn: () => Promise<unknown>) =>
    void action.run(fn).then((r) => r !== undefined && groups.reload());
  return (
    <section>
      <PageHeader
        title={t('groups.title')}
        actions={
          admin && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              {t('groups.newGroup')}
            </button>
          )
        }
      >
        {t('groups.intro')}
      </PageHeader>
      <ErrorBox error={groups.error ?? action.error} onRetry={groups.reload} />
      {admin && <SummarySettingsCard />}
      {me.role !== 'student' && <OverdraftCard canChange={admin} />}
      {me.role !== 'student' && <TrainingsSwitchCard canChange={admin} />}
      {groups.loading && !groups.data && <Loading />}
      {groups.data && groups.data.groups.length === 0 && <Empty title={t('groups.empty')} />}
      <div className="grid-2">
        {groups.data?.groups.map((g) => {
          const candidates = (people.data?.people ?? []).filter(
            (p) =>
              !g.members.some((m) => m.id === p.id) &&
              (g.kind === 'students' ? p.role === 'student' : p.role !== 'student'),
          );
          return (
            <article className="card" key={g.id}>
              <h2>
                {g.name}{' '}
                <Badge tone={g.kind === 'students' ? 'info' : 'warn'}>{t(`groups.kind.${g.kind}`)}</Badge>
              </h2>
              {g.kind === 'students' && me.role === 'admin' && (
                <SummarySwitch url={`/api/groups/${g.id}/post-session-summary`} label={g.name} />
              )}
              {g.members.length === 0 ? (
                <p className="muted">{t('groups.noMembers')}</p>
              ) : (
                <ul className="plain-list">
                  {g.members.map((m) => (
                    <li key={m.id}>
                      {m.name}
                      {admin && (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          aria-label={t('groups.removeMember', { member: m.name, group: g.name })}
                          onClick={() => change(() => api.delete(`/api/groups/${g.id}/members/${m.id}`))}
                        >
                          {t('groups.remove')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {g.kind === 'students' && me.role !== 'student' && (
                <GroupRules groupId={g.id} groupName={g.name} />
              )}
              {g.kind === 'trainers' && me.role !== 'student' && (
                <TrainerGroupAccess
                  trainerGroup={g}
                  studentGroups={(groups.data?.groups ?? []).filter((x) => x.kind === 'students')}
                  canChange={admin}
                />
              )}
              {admin && candidates.length > 0 && (
                <label className="field">
                  <span>{t('groups.addMember')}</span>
                  <select
                    value=""
                    onChange={(e) =>
                      e.target.value &&
                      change(() => api.put(`/api/groups/${g.id}/members/${e.target.value}`, {}))
                    }
                  >
                    <option value="">{t('groups.choosePerson')}</option>
                    {candidates.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </article>
          );
        })}
      </div>
      {creating && (
        <NewGroup
          people={people.data?.people ?? []}
          onClose={() => setCreating(false)}
          onDone={() => (setCreating(false), groups.reload())}
        />
      )}
    </section>
  );
}

function NewGroup({
  people,
  onClose,
  onDone,
}: {
  people: Person[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'students' | 'trainers'>('students');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const action = useAction();
  const eligible = people.filter((p) => (kind === 'students' ? p.role === 'student' : p.role !== 'student'));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => api.post('/api/groups', { name, kind, memberIds }));
    if (ok) onDone();
  };
  return (
    <Dialog title={t('groups.newGroup')} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('groups.name')}</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset className="field">
          <legend>{t('groups.kindLegend')}</legend>
          <div className="chips">
            <label className="chip">
              <input
                type="radio"
                checked={kind === 'students'}
                onChange={() => (setKind('students'), setMemberIds([]))}
              />{' '}
              {t('groups.kindOption.students')}
            </label>
            <label className="chip">
              <input
                type="radio"
                checked={kind === 'trainers'}
                onChange={() => (setKind('trainers'), setMemberIds([]))}
              />{' '}
              {t('groups.kindOption.trainers')}
            </label>
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('groups.members')}</legend>
          <div className="checklist">
            {eligible.map((p) => (
              <label className="check" key={p.id}>
                <input
                  type="checkbox"
                  checked={memberIds.includes(p.id)}
                  onChange={(e) =>
                    setMemberIds((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))
                  }
                />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('groups.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
