// A training event's fields (time, format, trainer, place or link), shared by the Add Section and Add Event dialogs.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth';
import { useApi } from '../../lib/useApi';
import { isoToZoned, zonedToIso } from '../../lib/time';

export type Group = {
  id: string;
  kind: string;
  name: string;
  members: { id: string; name: string; role: string }[];
};

export function useTrainers() {
  const groups = useApi<{ groups: Group[] }>('/api/groups?kind=trainers');
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const g of groups.data?.groups ?? []) for (const m of g.members) seen.set(m.id, m.name);
    return [...seen.entries()];
  }, [groups.data]);
}

export type EventDraft = {
  start: string;
  end: string;
  format: string;
  trainerId: string;
  location: string;
  link: string;
};

export function EventFields({
  draft,
  set,
  trainers,
}: {
  draft: EventDraft;
  set: (d: EventDraft) => void;
  trainers: [string, string][];
}) {
  const me = useMe();
  const { t } = useTranslation('trainingDetail');
  return (
    <>
      <label className="field">
        <span>{t('event.starts', { timeZone: me.timeZone })}</span>
        <input
          type="datetime-local"
          required
          value={draft.start}
          onChange={(e) => set({ ...draft, start: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('event.ends')}</span>
        <input
          type="datetime-local"
          required
          value={draft.end}
          onChange={(e) => set({ ...draft, end: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('event.format')}</span>
        <select value={draft.format} onChange={(e) => set({ ...draft, format: e.target.value })}>
          <option value="online">{t('format.online')}</option>
          <option value="in-person">{t('format.in-person')}</option>
          <option value="hybrid">{t('format.hybrid')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('event.trainer')}</span>
        <select
          required
          value={draft.trainerId}
          onChange={(e) => set({ ...draft, trainerId: e.target.value })}
        >
          <option value="">{t('event.chooseTrainer')}</option>
          {trainers.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('event.location')}</span>
        <input
          value={draft.location}
          maxLength={500}
          onChange={(e) => set({ ...draft, location: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('event.link')}</span>
        <input
          type="url"
          value={draft.link}
          placeholder="https://"
          onChange={(e) => set({ ...draft, link: e.target.value })}
        />
        {draft.format !== 'in-person' && <span className="muted">{t('event.linkHint')}</span>}
      </label>
    </>
  );
}

export function emptyEvent(timeZone: string, trainerId: string): EventDraft {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const date = isoToZoned(day, timeZone).slice(0, 10);
  return {
    start: `${date}T09:00`,
    end: `${date}T12:00`,
    format: 'online',
    trainerId,
    location: '',
    link: '',
  };
}

/** The draft of the event after `previous`: a week later, same format and place (events follow each other). */
export function nextEvent(previous: EventDraft): EventDraft {
  const week = (local: string) => {
    const d = new Date(`${local}:00Z`);
    return new Date(d.getTime() + 7 * 86_400_000).toISOString().slice(0, 16);
  };
  return { ...previous, start: week(previous.start), end: week(previous.end) };
}

export const eventBody = (d: EventDraft, timeZone: string) => ({
  start: zonedToIso(d.start, timeZone),
  end: zonedToIso(d.end, timeZone),
  timeZone,
  format: d.format,
  trainerId: d.trainerId,
  location: d.location.trim() || null,
  link: d.link.trim() || null,
  notes: null,
});
