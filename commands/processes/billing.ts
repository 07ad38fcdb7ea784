// The billing process: a completed (or later verified) live session debits each charged student's wallet with
// the lesson cost the teacher confirmed in the preview. The wallet decided at confirmation (it reserved the
// tokens); this process only carries that out: it settles each charge's reservation. Once per session and
// student: the debit's idempotency key comes from the event, its entry id from the session and student, and the
// wallet refuses a second debit for the same session.
import type { EventStore } from '../eventStore/port.js';
import { handleCommand } from '../handleCommand.js';
import { wallets } from '../aggregates.js';
import type { WalletCommand } from '../../domain/wallet/wallet.js';
import { deterministicId, type Process } from './process.js';

export const sessionDebitEntryId = (liveSessionId: string, studentId: string) =>
  deterministicId(`session-debit:${liveSessionId}:${studentId}`);

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
        const command: WalletCommand = charge.reservationId
          ? { type: 'SettleWalletReservation', walletId: charge.studentId, entryId, cause }
          : {
              // A charge recorded before reservations existed: confirmed then against the balances of then.
              type: 'DebitWallet',
              walletId: charge.studentId,
              orgId: event.metadata.orgId,
              owner: 'student',
              ownerId: charge.studentId,
              entryId,
              tokens: charge.tokens,
              cause,
              allowOverdraft: true,
            };
        const result = await handleCommand(deps.eventStore, wallets, charge.studentId, command, {
          orgId: event.metadata.orgId,
          actorId: event.metadata.actorId,
          now: event.metadata.at,
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
          idempotencyKey: `process:billing:${event.eventId}:${charge.studentId}`,
        });
        appended = result.position ?? appended;
      }
      return appended;
    },
  };
}
