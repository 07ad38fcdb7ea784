// The "Edit section" dialog: its settings and trainers (saved together), and its participant groups (each
// added or removed at once; a group learners registered through is locked in).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import type { ParticipantGroupChoiceList, SectionGroupList } from '../../../../contract/trainingChoices';
import type { Section, Training } from './types';
import { useTrainers } from './EventFields';
import { SectionFields, sectionDraftOf, sectionSettingsBody } from './SectionFields';

export function EditSection({
  training,
  section,
  onClose,
  onChange,
}: {
  training: Training;
  section: Section;
  onClose: () => void;
  onChange: () => void;
}) {
  const me = useMe();
  const { t } = useTranslation('trainingDetail');
  const trainers = useTrainers();
  const [draft, setDraft] = useState(() => sectionDraftOf(section, me.timeZone));
  const [trainerIds, setTrainerIds] = useState(section.trainerIds);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  // Trainers already assigned stay listed even when this person cannot see their trainer group.
  const trainerChoices = [
    ...trainers,
    ...trainerIds
      .filter((id) => !trainers.some(([x]) => x === id))
      .map((id) => [id, t('editSection.otherTrainer')] as [string, string]),
  ];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ok = await action.run(() =>
      api.patch(`/api/trainings/${training.id}/sections/${section.id}`, {
        ...sectionSettingsBody(draft, me.timeZone),
        trainerIds,
      }),
    );
    if (ok) {
      setSaved(true);
      onChange();
    }
  };
  return (
    <Dialog title={t('editSection.title', { section: section.name })} open onClose={onClose} wide>
      <form onSubmit={submit} className="form-grid" aria-label={t('editSection.settings')}>
        <ErrorBox error={action.error} />
        <SectionFields draft={draft} set={setDraft} />
        <fieldset className="field field-wide">
          <legend>{t('editSection.trainers')}</legend>
          <div className="chips">
            {trainerChoices.map(([id, name]) => (
              <label className="chip" key={id}>
                <input
                  type="checkbox"
                  checked={trainerIds.includes(id)}
                  onChange={(e) =>
                    setTrainerIds((ids) => (e.target.checked ? [...ids, id] : ids.filter((x) => x !== id)))
                  }
                />
                {name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-actions field-wide">
          {saved && (
            <span role="status" className="muted">
              {t('editSection.saved')}
            </span>
          )}
          <button className="btn btn-primary" disabled={action.pending}>
            {t('editSection.save')}
          </button>
        </div>
      </form>
      <SectionGroupsEditor training={training} section={section} onChange={onChange} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('action.close', { ns: 'common' })}
        </button>
      </div>
    </Dialog>
  );
}

function SectionGroupsEditor({
  training,
  section,
  onChange,
}: {
  training: Training;
  section: Section;
  onChange: () => void;
}) {
  const { t } = useTranslation('trainingDetail');
  const url = `/api/trainings/${training.id}/sections/${section.id}/groups`;
  const current = useApi<SectionGroupList>(url);
  const choices = useApi<ParticipantGroupChoiceList>(`/api/trainings/${training.id}/participant-groups`);
  const action = useAction();
  const [adding, setAdding] = useState('');
  const groups = current.data?.groups ?? [];
  const addable = (choices.data?.groups ?? []).filter((g) => !groups.some((x) => x.id === g.id));
  const run = (fn: () => Promise<unknown>) =>
    void action.run(fn).then((r) => {
      if (r === undefined) return;
      current.reload();
      onChange();
    });
  return (
    <section aria-labelledby={`groups-${section.id}`}>
      <h3 id={`groups-${section.id}`}>{t('sectionForm.groups')}</h3>
      <ErrorBox error={current.error ?? choices.error ?? action.error} />
      <ul className="plain-list">
        {groups.map((g) => (
          <li key={g.id}>
            {g.name}{' '}
            {g.locked ? (
              <span className="muted">{t('editSection.locked')}</span>
            ) : (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={t('editSection.removeGroup', { group: g.name })}
                disabled={action.pending || groups.length === 1}
                onClick={() => run(() => api.delete(`${url}/${g.id}`))}
              >
                {t('editSection.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {groups.length === 1 && !groups[0]!.locked && <p className="hint">{t('editSection.needsAGroup')}</p>}
      {addable.length > 0 && (
        <div className="row-tight">
          <label className="field field-inline">
            <span>{t('editSection.addGroup')}</span>
            <select value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">{t('editSection.chooseGroup')}</option>
              {addable.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn btn-small"
            disabled={!adding || action.pending}
            onClick={() => {
              const groupId = adding;
              setAdding('');
              run(() => api.post(url, { groupId }));
            }}
          >
            {t('action.add', { ns: 'common' })}
          </button>
        </div>
      )}
    </section>
  );
}
