// The reports read model: one projection feeding the report tables from live-session, wallet and training
// events. Reports read these flat tables, never the event log.
import { batched, projection, type ProjectionDb } from '../projection.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';
import { applyReportsBatch, BATCH_TYPES } from './reportsBatch.js';
import { sessionFacts } from './sessionFacts.js';
import { ledgerFacts } from './ledgerFacts.js';
import { trainingFacts } from './trainingFacts.js';

export const REPORT_TABLES = [
  'report_sessions',
  'report_attendance',
  'report_scores',
  'report_wallets',
  'report_ledger',
  'report_trainings',
  'report_training_sections',
  'report_training_registrations',
  'report_training_events',
  'report_training_attendance',
] as const;

/** The reasons an erased person gave for canceling sessions read as ERASED_TEXT. */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  await db
    .updateTable('report_sessions')
    .set({ cancel_reason: ERASED_TEXT })
    .where('canceled_by', '=', personId)
    .where('cancel_reason', 'is not', null)
    .execute();
}

/** The reference path: one event at a time. */
export const reportsProjectionPerEvent = projection(
  'reports',
  REPORT_TABLES,
  { ...sessionFacts, ...ledgerFacts, ...trainingFacts },
  { erasePersonalData },
);

/**
 * Set-based for live sessions and wallets, which are most of any history; must match the reference path.
 * Training events write only the report_training_* tables, which the batch path never reads or writes.
 */
export const reportsProjection = {
  ...batched(reportsProjectionPerEvent, BATCH_TYPES, applyReportsBatch, { othersApart: true }),
  // Its statements never read what a write returns, so a rebuild may pipeline them.
  pipelinedReplay: true,
};
