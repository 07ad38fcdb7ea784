// The lessonAnalysis process: a requested analysis is handed to the worker at once, a failed attempt again at its
// retry time, and an analysis that failed for good gives its tokens back: a reversal of the organisation
// wallet's debit whose reason names the analysis and why it failed, then the refund recorded on the analysis.
// Both commands are keyed by the event, so a repeat after a crash appends nothing.
import type { EventStore } from '../eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from '../handleCommand.js';
import { lessonAnalyses, wallets } from '../aggregates.js';
import { RuleViolation } from '../../domain/shared/errors.js';
import type { AnalysisWorker } from '../lessonAnalysis/worker.js';
import { deterministicId, type Process } from './process.js';

export const analysisRefundEntryId = (analysisId: string) =>
  deterministicId(`lesson-analysis-refund:${analysisId}`);

export function lessonAnalysisProcess(deps: { eventStore: EventStore; worker: AnalysisWorker }): Process {
  return {
    name: 'lessonAnalysis',
    handles: new Set(['LessonAnalysisRequested', 'LessonAnalysisAttemptFailed', 'LessonAnalysisFailed']),
    async handle(event) {
      switch (event.type) {
        case 'LessonAnalysisRequested':
          deps.worker.schedule(event.data.analysisId);
          return null;
        case 'LessonAnalysisAttemptFailed':
          if (event.data.retryAt) deps.worker.schedule(event.data.analysisId, event.data.retryAt);
          return null;
        case 'LessonAnalysisFailed':
          break;
        default:
          return null;
      }
      const { analysisId, reason } = event.data;
      const { state } = await loadAggregate(deps.eventStore, lessonAnalyses, analysisId);
      if (state.status !== 'failed' || state.refunded) return null;
      const { orgId, debitEntryId, tokens } = state.request;
      const refundEntryId = analysisRefundEntryId(analysisId);
      const context = (step: string): CommandContext => ({
        orgId,
        actorId: null,
        now: event.data.at,
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
        idempotencyKey: `process:lessonAnalysis:${step}:${event.eventId}`,
      });
      let position: string | null = null;
      try {
        const reversal = await handleCommand(
          deps.eventStore,
          wallets,
          orgId,
          {
            type: 'ReverseWalletEntry',
            walletId: orgId,
            entryId: refundEntryId,
            reversedEntryId: debitEntryId,
            reason: `Lesson analysis ${analysisId} failed, ${tokens} tokens given back: ${reason}`,
            allowOverdraft: true,
          },
          context('refund'),
        );
        position = reversal.position;
      } catch (error) {
        // Reversed already (by an admin, or by this process before a crash): only the record is missing.
        if (!(error instanceof RuleViolation && error.code === 'not_reversible')) throw error;
      }
      const recorded = await handleCommand(
        deps.eventStore,
        lessonAnalyses,
        analysisId,
        { type: 'RecordAnalysisRefund', analysisId, refundEntryId, now: event.data.at },
        context('refunded'),
      );
      return recorded.position ?? position;
    },
  };
}
