// Every process manager, started beside the projections by the composition root.
import type { EventStore } from '../eventStore/port.js';
import { billingProcess } from './billing.js';
import type { Process } from './process.js';
import type { AnalysisWorker } from '../lessonAnalysis/worker.js';
import { lessonAnalysisProcess } from './lessonAnalysis.js';
import { sessionSummaryProcess } from './sessionSummary.js';
import { lessonContentPinProcess } from './lessonContentPin.js';
import { trainingPresenceProcess } from './trainingPresence.js';
import type { Db } from '../../db/schema.js';

export const processes = (deps: { eventStore: EventStore; analyses: AnalysisWorker; db: Db }): Process[] => [
  billingProcess(deps),
  lessonAnalysisProcess({ eventStore: deps.eventStore, worker: deps.analyses }),
  sessionSummaryProcess(deps),
  lessonContentPinProcess(deps),
  trainingPresenceProcess(deps),
];
