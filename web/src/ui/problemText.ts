// Not found, forbidden and input problems worded in the person's language (catalogue `problems`): a 404's
// `resource`, a 403's `reason`, each field's `code` with its parameters. Whatever the catalogue does not know
// keeps the server's English.
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldError } from '../lib/api';
import { currentLocale } from '../i18n/languages';

type Values = Record<string, unknown>;
/** A catalogue key of `problems` and its placeholder values. */
export type Wording = { key: string; values: Values };

const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value));

/** The wording of a not-found (404 `resource`) or forbidden (403 `reason`) problem; null for any other. */
export function problemWording(error: Pick<ApiError, 'status' | 'extras'>): Wording | null {
  const { resource, reason, ids, roles } = error.extras;
  if (error.status === 404 && typeof resource === 'string')
    return {
      key: `notFound.${resource}`,
      values: Array.isArray(ids) ? { ids: list(ids), count: ids.length } : { count: 1 },
    };
  if (error.status === 403 && typeof reason === 'string')
    return { key: `forbidden.${reason}`, values: roles === undefined ? {} : { roles: list(roles) } };
  return null;
}

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value));

/** The wording of one field's problem by its code: zod's (too_small, too_big, invalid_type, invalid_format,
 * invalid_value, ...) or our own (between, range_reversed, ...); null without a code. */
export function fieldWording(field: FieldError): Wording | null {
  const { code, origin, minimum, maximum, inclusive } = field;
  if (typeof code !== 'string') return null;
  const values: Values = {};
  for (const [k, v] of Object.entries(field))
    if (!['path', 'message', 'code'].includes(k)) values[k] = Array.isArray(v) ? list(v) : v;
  if (code === 'too_small' || code === 'too_big') {
    const bound = code === 'too_small' ? minimum : maximum;
    if (origin === 'string' && code === 'too_small' && num(bound) === 1)
      return { key: 'field.too_small.empty', values };
    if (origin === 'string' || origin === 'array' || origin === 'set')
      return {
        key: `field.${code}.${origin === 'set' ? 'array' : origin}`,
        values: { ...values, count: num(bound) },
      };
    if (origin === 'date') {
      const date = new Date(num(bound)).toLocaleDateString(currentLocale());
      return { key: `field.${code}.date`, values: { ...values, minimum: date, maximum: date } };
    }
    if (origin === 'bytes') return { key: `field.${code}.bytes`, values };
    return { key: `field.${code}.number${inclusive === false ? 'Exclusive' : ''}`, values };
  }
  if (code === 'invalid_type')
    return { key: `field.invalid_type.${field.received === 'undefined' ? 'required' : 'other'}`, values };
  if (code === 'invalid_format') return { key: `field.invalid_format.${String(field.format)}`, values };
  if (code === 'unrecognized_keys')
    return {
      key: 'field.unrecognized_keys',
      values: { ...values, count: Array.isArray(field.keys) ? field.keys.length : 1 },
    };
  if (code === 'range_too_long')
    return { key: 'field.range_too_long', values: { ...values, count: num(maximum) } };
  return { key: `field.${code}`, values };
}

/** Path segments that only say where the value came from. */
const ORIGIN = /^(body|querystring|params|headers|document)\.?/;

/** Words problems in the interface's language; loads the catalogue beside the page, without suspending it. */
export function useProblemText() {
  const { i18n } = useTranslation('problems', { useSuspense: false });
  const t = i18n.t as unknown as (key: string, options: Values) => string;
  const word = (wording: Wording | null): string | null => {
    if (!wording) return null;
    const options = { ns: 'problems' as const, ...wording.values };
    if (!i18n.exists(wording.key, options)) {
      // An invalid_format the catalogue does not name is still worded, generally.
      if (!wording.key.startsWith('field.invalid_format.')) return null;
      return t('field.invalid_format.other', options);
    }
    return t(wording.key, options);
  };
  return {
    /** The sentence for a not-found or forbidden problem, or null (then the server's detail shows). */
    detail: (error: ApiError) => word(problemWording(error)),
    /** A field's problem in the person's language, else the server's message. */
    message: (field: FieldError) => word(fieldWording(field)) ?? field.message,
    /** The field's name: the catalogue's for its path's last segment, else the path without `body.`. */
    name: (path: string) => {
      const bare = path.replace(ORIGIN, '');
      const last = bare
        .split('.')
        .filter((s) => !/^\d+$/.test(s))
        .pop();
      const key = `fieldName.${last}`;
      return last && i18n.exists(key, { ns: 'problems' as const }) ? t(key, { ns: 'problems' }) : bare;
    },
  };
}
