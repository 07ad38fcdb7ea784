// The billing process: a completed (or later verified) live session debits each charged student's wallet with
// the lesson cost the teacher confirmed in the preview. Once per session and student: the debit's idempotency
// key comes from the event, its entry id from the session and student, and the wallet refuses a second debit
// for the same session.
import type { EventStore } from '../eventStore/port.js';
import { handleCommand } from '../handleCommand.js';
import { wallets } from '../aggregates.js';
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
        const result = await handleCommand(
          deps.eventStore,
          wallets,
          charge.studentId,
          {
            type: 'DebitWallet',
            walletId: charge.studentId,
            orgId: event.metadata.orgId,
            owner: 'student',
            ownerId: charge.studentId,
            entryId: sessionDebitEntryId(liveSessionId, charge.studentId),
            tokens: charge.tokens,
            cause: { kind: 'session', liveSessionId },
            // The teacher confirmed this exact debit against these balances; refusals were decided then.
            allowOverdraft: true,
          },
          {
            orgId: event.metadata.orgId,
            actorId: event.metadata.actorId,
            now: event.metadata.at,
            correlationId: event.metadata.correlationId,
            causationId: event.eventId,
            idempotencyKey: `process:billing:${event.eventId}:${charge.studentId}`,
          },
        );
        appended = result.position ?? appended;
      }
      return appended;
    },
  };
}
