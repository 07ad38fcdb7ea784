// The rules of attendance and completion: a learner completes the training when every event of their section
// is attended, and confirmed by a trainer or admin where the section requires it (trainings).
import { RuleViolation } from '../shared/errors.js';
import type { TrainingDomainEvent as E } from './events.js';
import type { ConfirmAttendance, RecordAttendance } from './commands.js';
import { activeEvents, markKey, type Training } from './state.js';
import { requireTrainingEvent, type Created } from './guards.js';

export function recordAttendance(c: RecordAttendance, s: Created): E[] {
  const { section, trainingEvent } = requireTrainingEvent(s, c.trainingEventId);
  requireHeld(trainingEvent, c.now);
  requireSeated(s, section.sectionId, [c.learnerId]);
  const mark = s.marks[markKey(c.trainingEventId, c.learnerId)];
  if (mark?.confirmed && c.source !== 'trainer')
    throw new RuleViolation('attendance_confirmed', 'the trainer has already confirmed this attendance');
  if (mark && mark.attended === c.attended && !mark.confirmed) return [];
  const { trainingId, trainingEventId, learnerId, attended, by, source } = c;
  return [
    {
      type: 'AttendanceRecorded',
      data: { trainingId, sectionId: section.sectionId, trainingEventId, learnerId, attended, by, source },
    },
  ];
}

export function confirmAttendance(c: ConfirmAttendance, s: Created): E[] {
  const { section, trainingEvent } = requireTrainingEvent(s, c.trainingEventId);
  requireHeld(trainingEvent, c.now);
  if (c.marks.length === 0)
    throw new RuleViolation('no_marks', 'confirm attendance for at least one learner');
  requireSeated(
    s,
    section.sectionId,
    c.marks.map((m) => m.learnerId),
  );
  const { trainingId, trainingEventId, by, marks } = c;
  return [
    {
      type: 'AttendanceConfirmed',
      data: { trainingId, sectionId: section.sectionId, trainingEventId, by, marks },
    },
  ];
}

/** The completion facts that follow from a state: completed learners who are no longer, and new ones. */
export function completionChanges(s: Training): E[] {
  const events: E[] = [];
  for (const [learnerId, sectionId] of Object.entries(s.completed)) {
    if (!hasCompleted(s, learnerId))
      events.push({
        type: 'TrainingCompletionRevoked',
        data: { trainingId: s.trainingId, sectionId, learnerId },
      });
  }
  for (const r of Object.values(s.registrations)) {
    if (r.status !== 'registered' || s.completed[r.learnerId] || !hasCompleted(s, r.learnerId)) continue;
    events.push({
      type: 'TrainingCompleted',
      data: { trainingId: s.trainingId, sectionId: r.sectionId, learnerId: r.learnerId },
    });
  }
  return events;
}

/** Progress of one learner: events attended (and confirmed where required) out of the section's events. */
export function progressOf(s: Training, learnerId: string) {
  const r = s.registrations[learnerId];
  const section = r && s.sections[r.sectionId];
  if (!r || !section) return { attended: 0, total: 0 };
  const list = activeEvents(section);
  const attended = list.filter((te) => {
    const mark = s.marks[markKey(te.trainingEventId, learnerId)];
    return mark?.attended && (mark.confirmed || !section.attendanceConfirmationRequired);
  }).length;
  return { attended, total: list.length };
}

function hasCompleted(s: Training, learnerId: string) {
  const r = s.registrations[learnerId];
  if (r?.status !== 'registered') return false;
  const { attended, total } = progressOf(s, learnerId);
  return total > 0 && attended === total;
}

function requireHeld(trainingEvent: { canceled: boolean; start: string }, now: string) {
  if (trainingEvent.canceled)
    throw new RuleViolation('training_event_canceled', 'this training event was canceled');
  if (Date.parse(now) < Date.parse(trainingEvent.start))
    throw new RuleViolation(
      'training_event_not_started',
      'attendance can be taken once the event has started',
    );
}

function requireSeated(s: Training, sectionId: string, learnerIds: string[]) {
  const notSeated = learnerIds.filter((id) => {
    const r = s.registrations[id];
    return r?.sectionId !== sectionId || r.status !== 'registered';
  });
  if (notSeated.length > 0)
    throw new RuleViolation(
      'learner_not_registered',
      'presence and attendance count for learners registered in the section',
      {
        learnerIds: notSeated,
      },
    );
}
