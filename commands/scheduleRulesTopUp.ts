// The periodic top-up of recurring schedules: every rule that still generates gets its horizon filled again, so
// sessions keep appearing week after week without anyone touching the rule.
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { generateSessions, type GenerationReport } from './scheduleRules.js';

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

/** Runs the top-up every `intervalMs` (one run at a time); the returned function stops it and waits. */
export function startScheduleRuleTopUp(
  deps: Deps & { clock: { now(): Date } },
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): () => Promise<void> {
  let current: Promise<void> | null = null;
  const run = async () => {
    try {
      await topUpScheduleRules(deps, deps.clock.now());
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
    options.intervalMs ?? 60 * 60_000,
  );
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
