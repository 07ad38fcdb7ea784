// Wallets as people use them: who may see or change which wallet, crediting with a reason, reversing a line.
// Lesson analyses, which the organisation's wallet pays, are commands/lessonAnalyses.ts.
// A student's wallet id is the student's id; the organisation's wallet id is the organisation's id.
import { randomUUID } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import type { WalletOwner } from '../domain/wallet/events.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, type CommandContext } from './handleCommand.js';
import { wallets } from './aggregates.js';
import { overdraftAllowed } from './completionPreview.js';
import { deterministicId } from './processes/process.js';
import type { Scheduler } from './liveSessionAccess.js';

type Deps = { db: Db; eventStore: EventStore };

export type WalletRef = { walletId: string; orgId: string; owner: WalletOwner; ownerId: string };

/** The wallet `walletId` names, if the actor may see it. Another organisation's wallet is "not found". */
export async function walletFor(db: Db, actor: Scheduler, walletId: string): Promise<WalletRef> {
  if (walletId === actor.orgId) {
    if (actor.role !== 'admin')
      throw new ForbiddenError('admin_only', "only admins see the organisation's wallet");
    return { walletId, orgId: actor.orgId, owner: 'organisation', ownerId: walletId };
  }
  const person = await db
    .selectFrom('people')
    .select(['id', 'role'])
    .where('id', '=', walletId)
    .where('org_id', '=', actor.orgId)
    .executeTakeFirst();
  if (!person || person.role !== 'student') throw new NotFoundError('wallet');
  if (actor.role === 'student' && actor.personId !== walletId) throw new NotFoundError('wallet');
  if (actor.role === 'teacher')
    throw new ForbiddenError('own_wallet_only', "only admins and the student see a student's wallet");
  return { walletId, orgId: actor.orgId, owner: 'student', ownerId: walletId };
}

export async function creditWallet(
  deps: Deps,
  actor: Scheduler,
  walletId: string,
  input: { tokens: number; reason: string },
  context: CommandContext,
) {
  if (actor.role !== 'admin') throw new ForbiddenError('admin_only', 'only admins credit wallets');
  const wallet = await walletFor(deps.db, actor, walletId);
  const entryId = context.idempotencyKey ? deterministicId(context.idempotencyKey) : randomUUID();
  return handleCommand(
    deps.eventStore,
    wallets,
    walletId,
    { type: 'CreditWallet', ...wallet, entryId, ...input },
    context,
  );
}

/** A correction appends a reversal of the line; the line itself is never edited. */
export async function reverseWalletEntry(
  deps: Deps,
  actor: Scheduler,
  walletId: string,
  input: { reversedEntryId: string; reason: string },
  context: CommandContext,
) {
  if (actor.role !== 'admin') throw new ForbiddenError('admin_only', 'only admins reverse ledger entries');
  await walletFor(deps.db, actor, walletId);
  return handleCommand(
    deps.eventStore,
    wallets,
    walletId,
    {
      type: 'ReverseWalletEntry',
      walletId,
      entryId: context.idempotencyKey ? deterministicId(context.idempotencyKey) : randomUUID(),
      ...input,
      allowOverdraft: await overdraftAllowed(deps, actor.orgId),
    },
    context,
  );
}
