// The "Add Section" dialog of a training: settings, participant groups and its events. A section is saved with
// at least one event, so the last event cannot be removed from the form.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { isoToZoned } from '../../lib/time';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox, Loading } from '../../ui/feedback';
import type { ParticipantGroupChoiceList } from '../../../../contract/trainingChoices';
import type { Training } from './types';
import { emptyEvent, eventBody, EventFields, nextEvent, useTrainers, type EventDraft } from './EventFields';
import { SectionFields, sectionSettingsBody, type SectionDraft } from './SectionFields';

type Choices = ParticipantGroupChoiceList;

export function AddSection({
  training,
  onClose,
  onDone,
}: {
  training: Training;
  onClose: () => void;
  onDone: () => void;
}) {
  const me = useMe();
  const { t } = useTranslation('trainingDetail');
  const groups = useApi<Choices>(`/api/trainings/${training.id}/participant-groups`);
  const trainers = useTrainers();
  const zoned = (ms: number) => isoToZoned(new Date(ms).toISOString(), me.timeZone).slice(0, 10);
  const [settings, setSettings] = useState<SectionDraft>({
    name: '',
    capacity: '10',
    opens: `${zoned(Date.now())}T00:00`,
    closes: `${zoned(Date.now() + 6 * 86_400_000)}T23:00`,
    approval: false,
    confirmation: true,
    waitlist: true,
    cutoffMinutes: '0',
  });
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [events, setEvents] = useState<EventDraft[]>([
    emptyEvent(me.timeZone, me.role === 'teacher' ? me.id : ''),
  ]);
  const action = useAction();
  const trainerIds = [...new Set(events.map((e) => e.trainerId).filter(Boolean))];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (events.length === 0) return;
    const ok = await action.run(() =>
      api.post(
        `/api/trainings/${training.id}/sections`,
        {
          ...sectionSettingsBody(settings, me.timeZone),
          participantGroupIds: groupIds,
          trainerIds,
          events: events.map((d) => eventBody(d, me.timeZone)),
        },
        idempotencyKey(),
      ),
    );
    if (ok) onDone();
  };
  const setEvent = (i: number) => (d: EventDraft) => setEvents((all) => all.map((x, j) => (j === i ? d : x)));
  return (
    <Dialog title={t('addSection.title')} open onClose={onClose} wide>
      {groups.loading && !groups.data ? (
        <Loading />
      ) : (
        <form onSubmit={submit} className="form-grid">
          <ErrorBox error={groups.error ?? action.error} />
          <SectionFields draft={settings} set={setSettings} />
          <fieldset className="field field-wide">
            <legend>{t('sectionForm.groups')}</legend>
            {groups.data?.groups.length === 0 && <p className="muted">{t('sectionForm.noGroups')}</p>}
            <div className="chips">
              {groups.data?.groups.map((g) => (
                <label className="chip" key={g.id}>
                  <input
                    type="checkbox"
                    checked={groupIds.includes(g.id)}
                    onChange={(e) =>
                      setGroupIds((ids) =>
                        e.target.checked ? [...ids, g.id] : ids.filter((x) => x !== g.id),
                      )
                    }
                  />
                  {g.name}
                </label>
              ))}
            </div>
          </fieldset>
          {events.map((d, i) => (
            <fieldset
              key={i}
              className="field-wide form-grid"
              aria-label={t('addSection.eventN', { n: i + 1 })}
            >
              <legend>{t('addSection.eventN', { n: i + 1 })}</legend>
              <EventFields draft={d} set={setEvent(i)} trainers={trainers} />
              <div className="field-wide">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={events.length === 1}
                  aria-describedby={events.length === 1 ? 'needs-an-event' : undefined}
                  onClick={() => setEvents((all) => all.filter((_, j) => j !== i))}
                >
                  {t('addSection.removeEvent', { n: i + 1 })}
                </button>
              </div>
            </fieldset>
          ))}
          <p className="hint field-wide" id="needs-an-event">
            {t('addSection.needsAnEvent')}
          </p>
          <div className="field-wide">
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                setEvents((all) => [...all, nextEvent(all.at(-1) ?? emptyEvent(me.timeZone, ''))])
              }
            >
              {t('addSection.anotherEvent')}
            </button>
          </div>
          <div className="form-actions field-wide">
            <button type="button" className="btn" onClick={onClose}>
              {t('action.cancel', { ns: 'common' })}
            </button>
            <button
              className="btn btn-primary"
              disabled={action.pending || groupIds.length === 0 || events.length === 0}
            >
              {t('addSection.save')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
