// Works on lesson analyses off the log: the lessonAnalysis process hands it an analysis to run (now, or at its
// retry time), and a sweep of the read model picks up whatever a restart left behind (requested, or running
// with an attempt whose deadline passed). Each attempt is recorded before it starts, so two nodes never run the
// same attempt: the one whose StartAnalysisAttempt appended runs it. An attempt that throws, or has no report
// by its deadline, fails; the aggregate decides whether another attempt follows (after a back-off) or the
// analysis has failed. All state is in the events; the timers here only decide when to look again.
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../kernel/clock.js';
import type { EventStore } from '../eventStore/port.js';
import { handleCommand, loadAggregate } from '../handleCommand.js';
import { lessonAnalyses } from '../aggregates.js';
import {
  backOffMs,
  type AnalysisFailure,
  type LessonAnalysisCommand,
} from '../../domain/lessonAnalysis/analysis.js';
import { RuleViolation } from '../../domain/shared/errors.js';
import { loadAnalysisInput } from './inputs.js';
import type { AnalysisEngine } from './engines.js';

export type WorkerSettings = {
  timeoutMs: number;
  maxAttempts: number;
  retryMs: number;
  /** How often the read model is swept for analyses nobody is working on. */
  sweepMs?: number;
};
export type AnalysisWorker = {
  /** Runs the analysis at `at` (ISO time), or now. */
  schedule(analysisId: string, at?: string | null): void;
  start(): void;
  stop(): Promise<void>;
};

/** Tests put an engine here to replace the configured one (a forced failure); null in production. */
export const engineOverride: { current: AnalysisEngine | null } = { current: null };

class AttemptTimedOut extends Error {}

export function analysisWorker(
  deps: {
    db: Db;
    eventStore: EventStore;
    clock: Clock;
    engine: AnalysisEngine;
    onError?: (e: unknown) => void;
  },
  settings: WorkerSettings,
): AnalysisWorker {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  /** In-flight attempts started elsewhere, with when this node first saw them (monotonic ms). */
  const seen = new Map<string, number>();
  const abort = new AbortController();
  let sweeper: NodeJS.Timeout | undefined;
  let stopped = true;
  const now = () => deps.clock.now().toISOString();
  const report = (e: unknown) => {
    if (!stopped) deps.onError?.(e);
  };

  const command = (analysisId: string, orgId: string, c: LessonAnalysisCommand) =>
    handleCommand(deps.eventStore, lessonAnalyses, analysisId, c, {
      orgId,
      actorId: null,
      now: c.now,
      correlationId: analysisId,
    });

  function schedule(analysisId: string, at?: string | null) {
    if (stopped) return;
    clearTimeout(timers.get(analysisId));
    const delay = at ? Math.max(0, new Date(at).getTime() - deps.clock.now().getTime()) : 0;
    const timer = setTimeout(() => {
      timers.delete(analysisId);
      void run(analysisId);
    }, delay);
    timer.unref();
    timers.set(analysisId, timer);
  }

  async function fail(analysisId: string, orgId: string, attempt: number, failure: AnalysisFailure) {
    await command(analysisId, orgId, {
      type: 'FailAnalysisAttempt',
      analysisId,
      attempt,
      failure,
      maxAttempts: settings.maxAttempts,
      retryAfterMs: backOffMs(settings.retryMs, attempt),
      now: now(),
    });
  }

  async function attempt(analysisId: string) {
    const { state } = await loadAggregate(deps.eventStore, lessonAnalyses, analysisId);
    if (state.status === 'none' || state.status === 'ready' || state.status === 'failed') return;
    const orgId = state.request.orgId;
    if (state.inFlight) {
      // Started by another node or before a restart: give it until its deadline, then call it timed out.
      const key = `${analysisId}:${state.inFlight.attempt}`;
      const first = seen.get(key) ?? performance.now();
      seen.set(key, first);
      const left = Math.min(
        new Date(state.inFlight.deadline).getTime() - deps.clock.now().getTime(),
        settings.timeoutMs - (performance.now() - first),
      );
      if (left > 0) return schedule(analysisId, new Date(deps.clock.now().getTime() + left).toISOString());
      seen.delete(key);
      return fail(analysisId, orgId, state.inFlight.attempt, {
        code: 'deadline_passed',
        timeoutMs: null,
        detail: null,
      });
    }
    // A retry's time was waited for by whoever scheduled this run (the process, or the sweep after a restart).
    const number = state.attempts + 1;
    const started = await command(analysisId, orgId, {
      type: 'StartAnalysisAttempt',
      analysisId,
      attempt: number,
      timeoutMs: settings.timeoutMs,
      now: now(),
    });
    if (started.events.length === 0) return;
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(settings.timeoutMs)]);
    let result;
    try {
      result = await new Promise<Awaited<ReturnType<AnalysisEngine['analyse']>>>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new AttemptTimedOut()), { once: true });
        const engine = engineOverride.current ?? deps.engine;
        loadAnalysisInput(deps, state.request)
          .then((loaded) => engine.analyse(loaded, signal))
          .then(resolve, reject);
      });
    } catch (error) {
      if (abort.signal.aborted) return; // shutting down: the sweep after the restart takes it up again
      const failure: AnalysisFailure =
        error instanceof AttemptTimedOut
          ? { code: 'timed_out', timeoutMs: settings.timeoutMs, detail: null }
          : { code: 'engine_failed', timeoutMs: null, detail: (error as Error).message };
      return fail(analysisId, orgId, number, failure);
    }
    try {
      await command(analysisId, orgId, {
        type: 'CompleteAnalysis',
        analysisId,
        attempt: number,
        report: result,
        now: now(),
      });
    } catch (error) {
      // The report came too late or does not fit: this attempt failed.
      const late = error instanceof RuleViolation && error.code === 'attempt_timed_out';
      return fail(analysisId, orgId, number, {
        code: late ? 'report_late' : 'report_rejected',
        timeoutMs: null,
        detail: (error as Error).message,
      });
    }
  }

  /** Asked for again while it ran: look again once it is done. */
  const again = new Set<string>();

  function run(analysisId: string): Promise<void> {
    const current = running.get(analysisId);
    if (current) {
      again.add(analysisId);
      return current;
    }
    const work = attempt(analysisId)
      .catch(report)
      .finally(() => {
        running.delete(analysisId);
        if (again.delete(analysisId)) schedule(analysisId);
      });
    running.set(analysisId, work);
    return work;
  }

  async function sweep() {
    const open = await deps.db
      .selectFrom('lesson_analyses')
      .select(['id', 'retry_at'])
      .where('status', 'in', ['requested', 'running'])
      .orderBy('requested_at')
      .limit(500)
      .execute();
    for (const row of open)
      if (!running.has(row.id) && !timers.has(row.id))
        schedule(row.id, row.retry_at === null ? null : new Date(row.retry_at).toISOString());
  }

  return {
    schedule,
    start() {
      if (!stopped) return;
      stopped = false;
      const loop = () => {
        sweeper = setTimeout(() => {
          void sweep()
            .catch(report)
            .finally(() => {
              if (!stopped) loop();
            });
        }, settings.sweepMs ?? 5_000);
        sweeper.unref();
      };
      void sweep().catch(report);
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(sweeper);
      timers.forEach((t) => clearTimeout(t));
      timers.clear();
      abort.abort();
      await Promise.allSettled([...running.values()]);
    },
  };
}
