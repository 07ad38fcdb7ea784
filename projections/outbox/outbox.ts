// The mail outbox read model: the mails that events call for (one row per event, recipient and template, so a
// replay adds none) and the calendar entries those mails and the ICS feed are rendered from.
import { projection } from '../projection.js';
import { liveSessionHandlers } from './liveSessions.js';
import { trainingHandlers } from './trainings.js';
import { summaryHandlers } from './summaries.js';

export const outboxProjection = projection(
  'outbox',
  ['mail_outbox', 'calendar_entries', 'calendar_attendees', 'calendar_groups'],
  { ...liveSessionHandlers, ...trainingHandlers, ...summaryHandlers },
);
