// Wallets: my balance and ledger, any wallet for admins, credits with a reason, reversals of a ledger line.
// Lesson analyses, paid from the organisation's wallet, are in lessonAnalyses.ts.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { ForbiddenError } from '../../domain/shared/errors.js';
import { creditWallet, reverseWalletEntry, walletFor } from '../../commands/wallets.js';
import { walletsOf, walletView } from '../../projections/billing/queries.js';
import type { Actor } from '../../auth/sessions.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { errors } from './schemas.js';
import { Wallet, WalletSummary } from '../../contract/billing.js';

const WalletParams = z.object({ walletId: z.uuid() });
const Reason = z.string().trim().min(1).max(500);
const tags = ['wallets'];

export async function walletRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const show = async (actor: Actor, walletId: string) =>
    walletView(deps.db, await walletFor(deps.db, actor, walletId));

  r.get('/api/wallets/me', { schema: { tags, response: { 200: Wallet, ...errors } } }, async (request) => {
    const actor = requireActor(request, 'student');
    return show(actor, actor.personId);
  });

  r.get(
    '/api/wallets',
    { schema: { tags, response: { 200: z.array(WalletSummary), ...errors } } },
    async (request) => walletsOf(deps.db, requireActor(request, 'admin').orgId),
  );

  r.get(
    '/api/wallets/:walletId',
    {
      schema: {
        tags,
        description:
          "A student's wallet id is the student's id; the organisation's is the organisation's id.",
        params: WalletParams,
        response: { 200: Wallet, ...errors },
      },
    },
    async (request) => show(requireActor(request), request.params.walletId),
  );

  r.post(
    '/api/wallets/:walletId/credits',
    {
      schema: {
        tags,
        params: WalletParams,
        body: z.object({ tokens: z.number().int().min(1).max(1_000_000), reason: Reason }),
        response: { 201: Wallet, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin');
      const context = commandContext(deps, request, actor);
      const result = await creditWallet(deps, actor, request.params.walletId, request.body, context);
      await afterWrite(deps, res, result);
      return res.status(201).send(await show(actor, request.params.walletId));
    },
  );

  r.post(
    '/api/wallets/:walletId/ledger/:entryId/reversal',
    {
      schema: {
        tags,
        description: 'Corrects a ledger line by appending its reversal; history is never edited.',
        params: WalletParams.extend({ entryId: z.string().min(1).max(100) }),
        body: z.object({ reason: Reason }),
        response: { 201: Wallet, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request);
      if (actor.role !== 'admin')
        throw new ForbiddenError('admin_only', 'only admins reverse ledger entries');
      const { walletId, entryId } = request.params;
      const context = commandContext(deps, request, actor);
      const input = { reversedEntryId: entryId, reason: request.body.reason };
      const result = await reverseWalletEntry(deps, actor, walletId, input, context);
      await afterWrite(deps, res, result);
      return res.status(201).send(await show(actor, walletId));
    },
  );
}
