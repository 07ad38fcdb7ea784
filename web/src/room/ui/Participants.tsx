// Who is in the room, and the teacher's edit switch per student: in an individual session it sits in the
// student's avatar popover in the toolbar (hover or tap); in a group session, in the participant bar.
// Green pencil: the student can edit the lesson document. Red pencil-off: view only.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../rt/protocol';
import { initials } from './VideoDock';

export type Person = { personId: string; name: string; online: boolean; muted: boolean };

type ToggleProps = { person: Person; canEdit: boolean; onToggle(personId: string, canEdit: boolean): void };

export function EditToggle({ person, canEdit, onToggle }: ToggleProps) {
  const { t } = useTranslation('room');
  const label = t(canEdit ? 'people.canEditSwitch' : 'people.viewOnlySwitch', { name: person.name });
  return (
    <button
      type="button"
      className={`edit-toggle ${canEdit ? 'edit-on' : 'edit-off'}`}
      aria-label={label}
      title={label}
      aria-pressed={canEdit}
      onClick={() => onToggle(person.personId, !canEdit)}
      data-testid={`edit-toggle-${person.personId}`}
      data-can-edit={canEdit ? 'true' : 'false'}
    >
      {canEdit ? <PencilIcon /> : <PencilOffIcon />}
    </button>
  );
}

type ListProps = {
  people: Person[];
  canEdit: Record<string, boolean>;
  isHost: boolean;
  onToggle(personId: string, canEdit: boolean): void;
};

/** Individual sessions: the student's avatar in the toolbar, with a popover of actions. */
export function ToolbarAvatars({ people, canEdit, isHost, onToggle }: ListProps) {
  const { t } = useTranslation('room');
  return (
    <ul className="avatars" aria-label={t('people.label')}>
      {people.map((p) => (
        <AvatarWithPopover
          key={p.personId}
          person={p}
          canEdit={!!canEdit[p.personId]}
          isHost={isHost}
          onToggle={onToggle}
        />
      ))}
    </ul>
  );
}

function AvatarWithPopover({ person, canEdit, isHost, onToggle }: ToggleProps & { isHost: boolean }) {
  const { t } = useTranslation('room');
  const [open, setOpen] = useState(false);
  const closeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const show = () => {
    clearTimeout(closeTimer.current);
    setOpen(true);
  };
  const hide = () => {
    closeTimer.current = setTimeout(() => setOpen(false), 250);
  };
  const id = `popover-${person.personId}`;
  return (
    <li className="avatar-wrap" onMouseEnter={show} onMouseLeave={hide} onFocus={show} onBlur={hide}>
      <button
        type="button"
        className={`avatar ${person.online ? 'avatar-online' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid={`avatar-${person.personId}`}
      >
        {initials(person.name)}
      </button>
      {open && (
        <div id={id} className="popover" role="dialog" aria-label={person.name}>
          <p className="popover-name">{person.name}</p>
          <p className="muted">
            {person.online ? t(person.muted ? 'people.inRoomMuted' : 'people.inRoom') : t('people.notHere')}
          </p>
          <div className="popover-actions">
            {isHost ? (
              <EditToggle person={person} canEdit={canEdit} onToggle={onToggle} />
            ) : (
              <span className="muted">{canEdit ? t('people.canEdit') : t('people.viewOnly')}</span>
            )}
          </div>
        </div>
      )}
    </li>
  );
}

/** Group sessions: everyone in a bar under the toolbar, with the teacher's edit switch beside each student. */
export function ParticipantBar({ people, canEdit, isHost, onToggle }: ListProps) {
  const { t } = useTranslation('room');
  return (
    <ul className="participant-bar" aria-label={t('people.label')} data-testid="participant-bar">
      {people.map((p) => (
        <li key={p.personId} className={`participant ${p.online ? 'avatar-online' : 'participant-away'}`}>
          <span className="avatar avatar-small" aria-hidden="true">
            {initials(p.name)}
          </span>
          <span>{p.name}</span>
          {isHost && <EditToggle person={p} canEdit={!!canEdit[p.personId]} onToggle={onToggle} />}
        </li>
      ))}
    </ul>
  );
}

/** The students of the session, present or not, with what the room knows about them (`unnamed` for a student
 * without a name). */
export function studentsOf(
  invited: { studentId: string; name: string | null }[],
  peers: Peer[],
  self: Peer,
  unnamed: string,
): Person[] {
  const byPerson = new Map<string, Person>();
  for (const s of invited)
    byPerson.set(s.studentId, {
      personId: s.studentId,
      name: s.name ?? unnamed,
      online: false,
      muted: true,
    });
  for (const p of [self, ...peers]) {
    if (p.roomRole !== 'participant') continue;
    byPerson.set(p.personId, { personId: p.personId, name: p.name, online: true, muted: !p.audio });
  }
  return [...byPerson.values()];
}

const PencilIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="18"
    height="18"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="M17 3a2.8 2.8 0 0 1 4 4L7.5 20.5 2 22l1.5-5.5Z" />
    <path d="m15 5 4 4" />
  </svg>
);

const PencilOffIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="18"
    height="18"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="m10 10-6.16 6.16a2 2 0 0 0-.5.83L2 22l5-1.34a2 2 0 0 0 .83-.5L14 14" />
    <path d="m12.5 7.5 4.2-4.2a2.8 2.8 0 0 1 4 4l-4.2 4.2" />
    <path d="m15 5 4 4" />
    <path d="m2 2 20 20" />
  </svg>
);
