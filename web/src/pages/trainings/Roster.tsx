// A section's roster for trainers and admins: who holds a seat, waits or waits for approval; approve or decline;
// add a learner by hand (or move one here from another section), move a learner to another section, remove one
// after a confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/useApi';
import { Dialog } from '../../ui/Dialog';
import { Badge, ErrorBox, statusTone } from '../../ui/feedback';
import type { LearnerCandidateList } from '../../../../contract/trainingChoices';
import type { RosterEntry, Section, Training } from './types';
import { useStatusLabel } from './labels';

export function Roster({
  training,
  section,
  onChange,
}: {
  training: Training;
  section: Section;
  onChange: () => void;
}) {
  const { t } = useTranslation('trainingDetail');
  const statusLabel = useStatusLabel();
  const base = `/api/trainings/${training.id}`;
  const roster = useApi<RosterEntry[]>(`${base}/sections/${section.id}/roster`);
  const candidates = useApi<LearnerCandidateList>(`${base}/sections/${section.id}/candidates`);
  const action = useAction();
  const [adding, setAdding] = useState('');
  const [removing, setRemoving] = useState<RosterEntry | null>(null);
  const others = training.sections.filter((s) => s.id !== section.id);
  const sectionName = (id: string) => training.sections.find((s) => s.id === id)?.name ?? '';
  const after = (r: unknown) => {
    if (r === undefined) return;
    roster.reload();
    candidates.reload();
    onChange();
  };
  const run = (fn: () => Promise<unknown>) => void action.run(fn).then(after);
  const choices = (candidates.data?.learners ?? []).filter((l) => l.sectionId !== section.id);
  const chosen = choices.find((l) => l.id === adding);
  const add = () => {
    if (!chosen) return;
    setAdding('');
    // Someone in another section of this training moves here in one step (their seat there is freed).
    run(() =>
      chosen.sectionId
        ? api.post(`${base}/switch`, { sectionId: section.id, learnerId: chosen.id })
        : api.post(`${base}/sections/${section.id}/registrations`, { learnerId: chosen.id }),
    );
  };
  return (
    <div>
      <h3>{t('roster.title')}</h3>
      <ErrorBox error={roster.error ?? candidates.error ?? action.error} />
      <div className="row-tight">
        <label className="field field-inline">
          <span>{t('roster.addLearner')}</span>
          <select value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">{t('roster.chooseLearner')}</option>
            {choices.map((l) => (
              <option key={l.id} value={l.id}>
                {l.sectionId
                  ? t('roster.inSection', { name: l.name, section: sectionName(l.sectionId) })
                  : l.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-small" disabled={!chosen || action.pending} onClick={add}>
          {chosen?.sectionId ? t('roster.moveHere') : t('roster.add')}
        </button>
      </div>
      {roster.data && roster.data.length === 0 && <p className="muted">{t('roster.nobody')}</p>}
      {roster.data && roster.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('roster.learner')}</th>
              <th scope="col">{t('roster.status')}</th>
              <th scope="col">{t('roster.via')}</th>
              <th scope="col" className="num">
                {t('roster.attended')}
              </th>
              <th scope="col">{t('roster.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {roster.data.map((r) => {
              const name = r.name ?? r.learnerId;
              return (
                <tr key={r.learnerId}>
                  <td>{name}</td>
                  <td>
                    <Badge tone={statusTone(r.status)}>{statusLabel(r.status)}</Badge>
                    {r.waitlistPosition !== null && ` #${r.waitlistPosition}`}
                  </td>
                  <td className="cap">{t(`via.${r.via}` as 'via.self', { defaultValue: r.via })}</td>
                  <td className="num">
                    {r.attended}/{r.total}
                    {r.completed ? ' ✓' : ''}
                  </td>
                  <td>
                    <div className="row-tight">
                      {r.status === 'pending' && (
                        <>
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() =>
                              run(() => api.post(`${base}/registrations/${r.learnerId}/approve`, {}))
                            }
                          >
                            {t('roster.approve')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() =>
                              run(() => api.post(`${base}/registrations/${r.learnerId}/decline`, {}))
                            }
                          >
                            {t('roster.decline')}
                          </button>
                        </>
                      )}
                      {others.length > 0 && r.status !== 'declined' && (
                        <select
                          className="input-small"
                          aria-label={t('roster.moveTo', { name })}
                          value=""
                          disabled={action.pending}
                          onChange={(e) =>
                            e.target.value &&
                            run(() =>
                              api.post(`${base}/switch`, {
                                sectionId: e.target.value,
                                learnerId: r.learnerId,
                              }),
                            )
                          }
                        >
                          <option value="">{t('roster.moveToPlaceholder')}</option>
                          {others.map((s) => (
                            <option key={s.id} value={s.id}>
                              {s.name}
                            </option>
                          ))}
                        </select>
                      )}
                      {r.status !== 'declined' && (
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          aria-label={t('roster.removeNamed', { name })}
                          onClick={() => setRemoving(r)}
                        >
                          {t('roster.remove')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {removing && (
        <Dialog title={t('roster.removeTitle')} open onClose={() => setRemoving(null)}>
          <p>
            {t('roster.removeQuestion', { name: removing.name ?? removing.learnerId, section: section.name })}
          </p>
          <p className="muted">{t('roster.removeConsequence')}</p>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setRemoving(null)}>
              {t('roster.keep')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={action.pending}
              onClick={() => {
                const learnerId = removing.learnerId;
                setRemoving(null);
                run(() => api.delete(`${base}/registrations/${learnerId}`));
              }}
            >
              {t('roster.removeConfirm')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
