// The pseudo-locale: every English string with accented letters in brackets ("Schedule" -> "[Ŝçĥéðûļé]"), the
// placeholders ({{name}}), nesting ($t(...)) and tags (<strong>) left as they are, so text that did not come from a
// catalogue stands out on the page and in tests.
const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçðéƒĝĥíĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>)/;

export function pseudoString(text: string): string {
  const parts = text.split(KEEP);
  return `[${parts.map((p, i) => (i % 2 === 1 ? p : p.replace(/[A-Za-z]/g, (c) => ACCENTED[c]!))).join('')}]`;
}

/** A whole catalogue in the pseudo-locale. */
export function pseudoCatalog<T>(catalog: T): T {
  if (typeof catalog === 'string') return pseudoString(catalog) as T;
  if (catalog && typeof catalog === 'object')
    return Object.fromEntries(Object.entries(catalog).map(([k, v]) => [k, pseudoCatalog(v)])) as T;
  return catalog;
}
