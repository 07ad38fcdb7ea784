// The periodic top-up of recurring schedules: every rule that still generates gets its horizon filled again, so
// sessions keep appearing week after week without anyone touching the rule. Every node keeps the timer, but a
// run starts only on the node that claims the period (a lease taken for the interval), so it runs once per
// cluster; if that node dies, another claims the next period.
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { generateSessions, type GenerationReport } from './scheduleRules.js';
import { nodeHolder, takeLease } from './processes/leases.js';

export const TOP_UP_LEASE = 'schedule-rule-top-up';

type Deps = { db: Db; eventStore: EventStore };

/** Keeps every active rule's horizon filled: the runtime calls this periodically. */
export async function topUpScheduleRules(deps: Deps, now: Date): Promise<GenerationReport[]> {
  const rules = await deps.db
    .selectFrom('schedule_rules')
    .select(['enrollment_id', 'org_id'])
    .where('removed', '=', false)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .distinct()
    .execute();
  const reports: GenerationReport[] = [];
  for (const { enrollment_id, org_id } of rules) {
    const context = { orgId: org_id, actorId: null, now: now.toISOString() };
    reports.push(await generateSessions(deps, enrollment_id, context));
  }
  return reports;
}

/**
 * Runs the top-up every `intervalMs` across the cluster (one run at a time): every `checkMs` (at most a minute)
 * this node tries to claim the period; the node that claims it runs the top-up. The returned function stops the
 * timer and waits for a run in progress.
 */
export function startScheduleRuleTopUp(
  deps: Deps & { clock: { now(): Date } },
  options: {
    intervalMs?: number;
    checkMs?: number;
    holder?: string;
    onError?: (error: unknown) => void;
    /** Told after each run this node made (tests count them). */
    onRun?: (reports: GenerationReport[]) => void;
  } = {},
): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 60 * 60_000;
  const holder = options.holder ?? nodeHolder();
  let current: Promise<void> | null = null;
  const run = async () => {
    try {
      if (!(await takeLease(deps.db, TOP_UP_LEASE, holder, intervalMs, { renew: false }))) return;
      const reports = await topUpScheduleRules(deps, deps.clock.now());
      options.onRun?.(reports);
    } catch (error) {
      options.onError?.(error);
    } finally {
      current = null;
    }
  };
  const timer = setInterval(
    () => {
      current ??= run();
    },
    options.checkMs ?? Math.min(intervalMs, 60_000),
  );
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
