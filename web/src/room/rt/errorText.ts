// A gateway error as the room's notice says it, in the person's language (roomState.ts folds it into a notice).
import type { i18n as I18n } from 'i18next';
import { ruleText } from '../../i18n/ruleText';
import { problemWording } from '../../ui/problemText';
import type { ErrorCode, ServerMessage } from './protocol';

/** A gateway error in the interface's language. A 'rule' refusal by the rule's code in its details (the errors
 * catalogue, times in the person's time zone); one the catalogue cannot word (a conflict) keeps the gateway's
 * words. */
export function roomErrorText(
  i18next: I18n,
  m: Extract<ServerMessage, { type: 'error' }>,
  timeZone: string,
): string {
  // read_only never reaches here (the document says it), so every other code has a key.
  if (m.code !== 'rule') {
    // A refusal's reason or a missing thing's resource, when the problems catalogue has it.
    const status = m.code === 'forbidden' ? 403 : m.code === 'not_found' ? 404 : 0;
    const wording = problemWording({ status, extras: m.details ?? {} });
    const options = { ns: 'problems' as const, ...wording?.values };
    if (wording && i18next.exists(wording.key, options))
      return (i18next.t as unknown as (key: string, o: object) => string)(wording.key, options);
    return i18next.t(`gatewayError.${m.code as Exclude<ErrorCode, 'rule' | 'read_only'>}`, { ns: 'room' });
  }
  const extras = m.details ?? {};
  const code = typeof extras.code === 'string' ? extras.code : null;
  return ruleText(i18next, { code, extras }, timeZone) ?? m.message;
}
