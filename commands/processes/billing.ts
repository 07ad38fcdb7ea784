// The billing process: a completed (or later verified) live session debits each charged student's wallet with
// the lesson cost the teacher confirmed in the preview. The wallet decided at confirmation (it reserved the
// tokens); this process only carries that out: it settles each charge's reservation. Once per session and
// student: the debit's idempotency key comes from the event, its entry id from the session and student, and the
// wallet refuses a second debit for the same session.
import type { EventStore } from '../eventStore/port.js';
import { handleCommand } from '../handleCommand.js';
import { wallets } from '../aggregates.js';
import type { WalletCommand } from '../../domain/wallet/wallet.js';
import { AppError, RuleViolation } from '../../domain/shared/errors.js';
import { deterministicId, isTransient, type Process } from './process.js';

export const sessionDebitEntryId = (liveSessionId: string, studentId: string) =>
  deterministicId(`session-debit:${liveSessionId}:${studentId}`);

export const chargeRefusedEntryId = (liveSessionId: string, studentId: string) =>
  deterministicId(`session-charge-refused:${liveSessionId}:${studentId}`);

/**
 * Each charge is its own step. A transient failure (a concurrency conflict after the handler's retries, the
 * database unreachable) is thrown: the runner keeps the checkpoint before this event and tries the event again
 * later, and the charges already made are no-ops then (one debit per session and student). A refusal by the
 * wallet is final: it is recorded in the wallet as `WalletChargeRefused` (the admin sees it in the ledger) and
 * the next student is charged; nothing is skipped silently.
 */
export function billingProcess(deps: { eventStore: EventStore }): Process {
  return {
    name: 'billing',
    handles: new Set(['LiveSessionCompleted', 'LiveSessionVerified']),
    async handle(event) {
      if (event.type !== 'LiveSessionCompleted' && event.type !== 'LiveSessionVerified') return null;
      const { liveSessionId, charges } = event.data;
      let appended: string | null = null;
      for (const charge of charges) {
        if (charge.tokens <= 0) continue;
        const entryId = sessionDebitEntryId(liveSessionId, charge.studentId);
        const cause = { kind: 'session' as const, liveSessionId };
        const owner = {
          walletId: charge.studentId,
          orgId: event.metadata.orgId,
          owner: 'student' as const,
          ownerId: charge.studentId,
        };
        const command: WalletCommand = charge.reservationId
          ? { type: 'SettleWalletReservation', walletId: charge.studentId, entryId, cause }
          : // A charge recorded before reservations existed: confirmed then against the balances of then.
            { type: 'DebitWallet', ...owner, entryId, tokens: charge.tokens, cause, allowOverdraft: true };
        const context = (step: string) => ({
          orgId: event.metadata.orgId,
          actorId: event.metadata.actorId,
          now: event.metadata.at,
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
          idempotencyKey: `process:billing:${event.eventId}:${charge.studentId}${step}`,
        });
        let result;
        try {
          result = await handleCommand(deps.eventStore, wallets, charge.studentId, command, context(''));
        } catch (error) {
          if (isTransient(error) || !(error instanceof AppError)) throw error;
          const code = error instanceof RuleViolation ? error.code : error.kind;
          result = await handleCommand(
            deps.eventStore,
            wallets,
            charge.studentId,
            {
              type: 'RecordChargeRefused',
              ...owner,
              entryId: chargeRefusedEntryId(liveSessionId, charge.studentId),
              tokens: charge.tokens,
              cause,
              code,
              reason: error.message,
            },
            context(':refused'),
          );
        }
        appended = result.position ?? appended;
      }
      return appended;
    },
  };
}
