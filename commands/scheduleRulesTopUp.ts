// The periodic top-up of recurring schedules: every rule that still generates gets its horizon filled again, so
// sessions keep appearing week after week without anyone touching the rule. Every node keeps the timer, but a
// run starts only on the node that claims the period (a lease taken for the interval), so it runs once per
// cluster; if that node dies, another claims the next period.
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { generateSessions, type GenerationReport } from './scheduleRules.js';
import { startPeriodicRun, type PeriodicOptions } from './processes/periodicRun.js';

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

/** Runs the top-up every `intervalMs`, once per cluster (commands/processes/periodicRun.ts). */
export const startScheduleRuleTopUp = (
  deps: Deps & { clock: { now(): Date } },
  options: PeriodicOptions<GenerationReport[]> = {},
) => startPeriodicRun(deps.db, TOP_UP_LEASE, () => topUpScheduleRules(deps, deps.clock.now()), options);
