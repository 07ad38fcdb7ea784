// A refused business rule in the person's language, from the errors catalogue (`rule.<code>`): ErrorBox words an
// HTTP problem so and the live room a refusal from the gateway, alike.
import type { i18n as I18n } from 'i18next';
import { formatDateTime } from '../lib/time';
import { pluralField } from './rulePlurals';

/** A refusal's rule code and the fields it carries (a problem's extras, a gateway error's details). */
export type RuleRefusal = { code?: string | null; extras: Record<string, unknown> };

/** The sentence for a refused rule, plural forms chosen by the field rulePlurals names; null when the catalogue
 * has no wording for the code or has not arrived yet (then the server's English shows). */
export function ruleText(i18n: I18n, refusal: RuleRefusal, timeZone: string): string | null {
  if (!refusal.code) return null;
  const key = `rule.${refusal.code}`;
  const counted = pluralField[refusal.code];
  const count = counted ? refusal.extras[counted] : undefined;
  const options = { ns: 'errors', ...(typeof count === 'number' ? { count } : {}) };
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  const exists = i18n.exists as unknown as (key: string, options: Record<string, unknown>) => boolean;
  if (!exists(key, options)) return null;
  return t(key, { ...options, replace: ruleValues(refusal.extras, timeZone) });
}

/** A rule's details as placeholder values: lists as the server writes them ("a, b"); an instant (an ISO string)
 * in the person's time zone and language, under its own name and as `<name>Local`. */
export function ruleValues(extras: Record<string, unknown>, timeZone: string) {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extras)) {
    values[key] = Array.isArray(value) ? value.join(', ') : value;
    if (
      typeof value === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) &&
      !Number.isNaN(Date.parse(value))
    ) {
      values[key] = formatDateTime(value, timeZone);
      values[`${key}Local`] = values[key];
    }
  }
  return values;
}
