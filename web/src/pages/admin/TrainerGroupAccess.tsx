// Which participant groups a trainer group runs trainings for: its members may manage the sections of those
// groups and be their trainers. Admins tick the groups; teachers see the list read-only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';

type Access = { participantGroupIds: string[] };
type StudentGroup = { id: string; name: string };

export function TrainerGroupAccess({
  trainerGroup,
  studentGroups,
  canChange,
}: {
  trainerGroup: { id: string; name: string };
  studentGroups: StudentGroup[];
  canChange: boolean;
}) {
  const { t } = useTranslation('trainingAdmin');
  const url = `/api/trainer-groups/${trainerGroup.id}/participant-groups`;
  const access = useApi<Access>(url);
  const save = useAction();
  // The ticked groups show at once; the server's answer (or, on an error, what it had) replaces them.
  const [shown, setShown] = useState<string[] | null>(null);
  const ids = shown ?? access.data?.participantGroupIds ?? [];
  const set = (participantGroupIds: string[]) => {
    setShown(participantGroupIds);
    void save
      .run(() => api.put<Access>(url, { participantGroupIds }))
      .then((r) => setShown(r ? r.participantGroupIds : null));
  };
  const known = studentGroups.filter((g) => ids.includes(g.id));
  const unseen = ids.length - known.length;
  return (
    <fieldset className="field" aria-describedby={`access-hint-${trainerGroup.id}`}>
      <legend>{t('access.legend')}</legend>
      <p className="hint" id={`access-hint-${trainerGroup.id}`}>
        {t('access.hint')}
      </p>
      {canChange ? (
        studentGroups.length === 0 ? (
          <p className="muted">{t('access.noStudentGroups')}</p>
        ) : (
          <div className="chips">
            {studentGroups.map((g) => (
              <label className="chip" key={g.id}>
                <input
                  type="checkbox"
                  aria-label={t('access.toggle', { group: g.name, trainers: trainerGroup.name })}
                  checked={ids.includes(g.id)}
                  disabled={!access.data || save.pending}
                  onChange={(e) => set(e.target.checked ? [...ids, g.id] : ids.filter((x) => x !== g.id))}
                />{' '}
                {g.name}
              </label>
            ))}
          </div>
        )
      ) : access.data && ids.length === 0 ? (
        <p className="muted">{t('access.none')}</p>
      ) : (
        <p>
          {known.map((g) => g.name).join(', ')}
          {unseen > 0 &&
            (known.length > 0
              ? ` ${t('access.andMore', { count: unseen })}`
              : t('access.unseen', { count: unseen }))}
        </p>
      )}
      <ErrorBox error={access.error ?? save.error} />
    </fieldset>
  );
}
