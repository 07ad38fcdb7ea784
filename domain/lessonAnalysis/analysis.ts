// The lessonAnalysis aggregate: one stream per analysis. Requested once (a repeat changes nothing), then worked
// on in numbered attempts, each with a deadline: an attempt completes with the report, or fails and is retried
// after a back-off until the attempts run out, and the analysis fails. A failed analysis records that its
// tokens went back. Status: requested -> running -> ready | failed.
import type { Decider } from '../shared/decider.js';
import { RuleViolation } from '../shared/errors.js';
import {
  analysisFailureText,
  type LessonAnalysisCommand,
  type LessonAnalysisEvent,
  type LessonAnalysisState,
} from './events.js';

export * from './events.js';

const after = (now: string, ms: number) => new Date(new Date(now).getTime() + ms).toISOString();

/** The wait before attempt `attempt + 1`: the base doubled per failed attempt. */
export const backOffMs = (baseMs: number, attempt: number) => baseMs * 2 ** Math.max(0, attempt - 1);

function requireInFlight(state: LessonAnalysisState, attempt: number) {
  if (state.status === 'none') throw new RuleViolation('analysis_not_found', 'no such analysis');
  if (state.status === 'ready' || state.status === 'failed') return false;
  return state.inFlight?.attempt === attempt;
}

export const lessonAnalysisDecider: Decider<LessonAnalysisCommand, LessonAnalysisEvent, LessonAnalysisState> =
  {
    initialState: () => ({ status: 'none' }),
    decide(command, state) {
      const { analysisId, now } = command;
      switch (command.type) {
        case 'RequestLessonAnalysis': {
          if (state.status !== 'none') return [];
          const { type: _t, now: _n, ...data } = command;
          return [{ type: 'LessonAnalysisRequested', data: { ...data, at: now } }];
        }
        case 'StartAnalysisAttempt': {
          if (state.status === 'none') throw new RuleViolation('analysis_not_found', 'no such analysis');
          // Another worker started it, it is over, or this attempt number is taken: nothing to do.
          if (state.status === 'ready' || state.status === 'failed') return [];
          if (state.inFlight || command.attempt !== state.attempts + 1) return [];
          const deadline = after(now, command.timeoutMs);
          return [
            {
              type: 'LessonAnalysisAttemptStarted',
              data: { analysisId, attempt: command.attempt, deadline, at: now },
            },
          ];
        }
        case 'FailAnalysisAttempt': {
          if (!requireInFlight(state, command.attempt) || state.status === 'none') return [];
          const last = command.attempt >= command.maxAttempts;
          const retryAt = last ? null : after(now, command.retryAfterMs);
          const { failure } = command;
          const reason = analysisFailureText(failure);
          const failed: LessonAnalysisEvent = {
            type: 'LessonAnalysisAttemptFailed',
            data: { analysisId, attempt: command.attempt, reason, failure, retryAt, at: now },
          };
          if (!last) return [failed];
          return [
            failed,
            {
              type: 'LessonAnalysisFailed',
              data: { analysisId, reason, failure, attempts: command.attempt, at: now },
            },
          ];
        }
        case 'CompleteAnalysis': {
          if (!requireInFlight(state, command.attempt) || state.status === 'none') return [];
          // A report that arrives after its attempt's deadline is late: the attempt timed out.
          if (state.inFlight && now > state.inFlight.deadline)
            throw new RuleViolation('attempt_timed_out', `attempt ${command.attempt} ran past its deadline`, {
              attempt: command.attempt,
            });
          const { attempt, report } = command;
          const { studentId } = state.request;
          return [
            { type: 'LessonAnalysisCompleted', data: { analysisId, studentId, attempt, report, at: now } },
          ];
        }
        case 'RecordAnalysisRefund': {
          if (state.status !== 'failed' || state.refunded) return [];
          const tokens = state.request.tokens;
          const refundEntryId = command.refundEntryId;
          return [{ type: 'LessonAnalysisRefunded', data: { analysisId, refundEntryId, tokens, at: now } }];
        }
        default: {
          const _exhaustive: never = command;
          return [];
        }
      }
    },
    evolve(state, event) {
      if (event.type === 'LessonAnalysisRequested')
        return {
          status: 'requested',
          request: event.data,
          attempts: 0,
          inFlight: null,
          retryAt: null,
          lastError: null,
          report: null,
          refunded: false,
          updatedAt: event.data.at,
        };
      if (state.status === 'none') return state;
      const updatedAt = event.data.at;
      switch (event.type) {
        case 'LessonAnalysisAttemptStarted': {
          const { attempt, deadline } = event.data;
          return {
            ...state,
            status: 'running',
            attempts: attempt,
            inFlight: { attempt, deadline },
            updatedAt,
          };
        }
        case 'LessonAnalysisAttemptFailed':
          return {
            ...state,
            inFlight: null,
            retryAt: event.data.retryAt,
            lastError: event.data.reason,
            updatedAt,
          };
        case 'LessonAnalysisCompleted':
          return {
            ...state,
            status: 'ready',
            inFlight: null,
            retryAt: null,
            report: event.data.report,
            updatedAt,
          };
        case 'LessonAnalysisFailed':
          return { ...state, status: 'failed', inFlight: null, retryAt: null, updatedAt };
        case 'LessonAnalysisRefunded':
          return { ...state, refunded: true, updatedAt };
        default: {
          const _exhaustive: never = event;
          return state;
        }
      }
    },
  };
