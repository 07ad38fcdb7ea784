// The periodic top-up of recurring group classes: every group with a rule that still generates gets its horizon
// filled again and its classes still ahead brought in line with its members, so classes keep appearing week
// after week and a student who joins the group is in its next classes. Like the enrollment top-up, every node
// keeps the timer but a run starts only on the node that claims the period (a lease taken for the interval),
// so it runs once per cluster.
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { generateGroupClasses, type GroupGenerationReport } from './groupScheduleGeneration.js';
import { startPeriodicRun, type PeriodicOptions } from './processes/periodicRun.js';

export const GROUP_TOP_UP_LEASE = 'group-schedule-top-up';

type Deps = { db: Db; eventStore: EventStore };

/** Keeps every group with an active rule filled to the horizon: the runtime calls this periodically. */
export async function topUpGroupSchedules(deps: Deps, now: Date): Promise<GroupGenerationReport[]> {
  const groups = await deps.db
    .selectFrom('group_schedule_rules as r')
    .innerJoin('student_groups as g', 'g.id', 'r.group_id')
    .select(['r.group_id', 'r.org_id'])
    .where('r.removed', '=', false)
    .where((eb) => eb.or([eb('r.ends_at', 'is', null), eb('r.ends_at', '>', now)]))
    .distinct()
    .execute();
  const reports: GroupGenerationReport[] = [];
  for (const { group_id, org_id } of groups) {
    const context = { orgId: org_id, actorId: null, now: now.toISOString() };
    reports.push(await generateGroupClasses(deps, group_id, context));
  }
  return reports;
}

/** Runs the top-up every `intervalMs`, once per cluster (commands/processes/periodicRun.ts). */
export const startGroupScheduleTopUp = (
  deps: Deps & { clock: { now(): Date } },
  options: PeriodicOptions<GroupGenerationReport[]> = {},
) =>
  startPeriodicRun(deps.db, GROUP_TOP_UP_LEASE, () => topUpGroupSchedules(deps, deps.clock.now()), options);
