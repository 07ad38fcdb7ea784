// A section's settings (name, seats, registration window, approval, attendance confirmation, waitlist), shared by
// the Add Section and Edit Section dialogs.
import { useTranslation } from 'react-i18next';
import { isoToZoned, zonedToIso } from '../../lib/time';
import type { Section } from './types';

export type SectionDraft = {
  name: string;
  capacity: string;
  opens: string;
  closes: string;
  approval: boolean;
  confirmation: boolean;
  waitlist: boolean;
  cutoffMinutes: string;
};

export const sectionDraftOf = (s: Section, timeZone: string): SectionDraft => ({
  name: s.name,
  capacity: String(s.capacity),
  opens: isoToZoned(s.registrationOpens, timeZone),
  closes: isoToZoned(s.registrationCloses, timeZone),
  approval: s.approvalRequired,
  confirmation: s.attendanceConfirmationRequired,
  waitlist: s.waitlistEnabled,
  cutoffMinutes: String(s.waitlistCutoffMinutes),
});

/** The settings as the API takes them (without trainers and groups). */
export const sectionSettingsBody = (d: SectionDraft, timeZone: string) => ({
  name: d.name,
  registrationOpens: zonedToIso(d.opens, timeZone),
  registrationCloses: zonedToIso(d.closes, timeZone),
  capacity: Number(d.capacity),
  approvalRequired: d.approval,
  attendanceConfirmationRequired: d.confirmation,
  waitlistEnabled: d.waitlist,
  waitlistCutoffMinutes: Number(d.cutoffMinutes || 0),
});

export function SectionFields({ draft, set }: { draft: SectionDraft; set: (d: SectionDraft) => void }) {
  const { t } = useTranslation('trainingDetail');
  return (
    <>
      <label className="field">
        <span>{t('sectionForm.name')}</span>
        <input
          required
          maxLength={200}
          value={draft.name}
          onChange={(e) => set({ ...draft, name: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('sectionForm.capacity')}</span>
        <input
          type="number"
          min={1}
          required
          value={draft.capacity}
          onChange={(e) => set({ ...draft, capacity: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('sectionForm.opens')}</span>
        <input
          type="datetime-local"
          required
          value={draft.opens}
          onChange={(e) => set({ ...draft, opens: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('sectionForm.closes')}</span>
        <input
          type="datetime-local"
          required
          value={draft.closes}
          onChange={(e) => set({ ...draft, closes: e.target.value })}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.approval}
          onChange={(e) => set({ ...draft, approval: e.target.checked })}
        />{' '}
        {t('sectionForm.approval')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.confirmation}
          onChange={(e) => set({ ...draft, confirmation: e.target.checked })}
        />{' '}
        {t('sectionForm.confirmation')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.waitlist}
          onChange={(e) => set({ ...draft, waitlist: e.target.checked })}
        />{' '}
        {t('sectionForm.waitlist')}
      </label>
      <label className="field">
        <span>{t('sectionForm.cutoff')}</span>
        <input
          type="number"
          min={0}
          max={525600}
          disabled={!draft.waitlist}
          value={draft.cutoffMinutes}
          onChange={(e) => set({ ...draft, cutoffMinutes: e.target.value })}
        />
      </label>
    </>
  );
}
