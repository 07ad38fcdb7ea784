// The one CSV writer of every export (reports, audit), on csv-stringify: a header row, RFC 4180 quoting, CRLF line
// ends, streamed as rows arrive. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
// carriage return) gets a leading apostrophe, so a name like =HYPERLINK("http://x") stays text. Numbers, dates and
// booleans are written as they are (a negative amount stays a number).
import { pipeline, Readable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

const FORMULA = /^[=+\-@\t\r]/;

/** A cell's text with a leading apostrophe when it would start a formula. */
export const neutralizeFormula = (text: string) => (FORMULA.test(text) ? `'${text}` : text);

export type CsvOptions = {
  /** A UTF-8 byte-order mark first, for spreadsheets that guess the encoding (default true). */
  bom?: boolean;
  /** Quote every field, empty ones too (default true); otherwise only where RFC 4180 needs it. */
  quoteAll?: boolean;
};

const optionsOf = ({ bom = true, quoteAll = true }: CsvOptions): Options => ({
  bom,
  quoted: quoteAll,
  quoted_empty: quoteAll,
  record_delimiter: 'windows',
  cast: {
    string: neutralizeFormula,
    date: (d) => d.toISOString(),
    boolean: (b) => String(b),
    object: (o) => neutralizeFormula(JSON.stringify(o)),
  },
});

/** The rows (objects keyed by column) as a CSV stream with a header row of the column names. */
export function csvStream(
  columns: string[],
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  options: CsvOptions = {},
): Readable {
  const stringifier = stringify({
    ...optionsOf(options),
    header: true,
    columns,
  });
  // Only the named columns; a missing one is empty.
  async function* flat() {
    for await (const row of rows) yield Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
  }
  // An error while reading the rows ends the stream with it (the response is cut short, not completed).
  pipeline(Readable.from(flat()), stringifier, () => undefined);
  return stringifier;
}

/** One cell as the writer writes it without quoteAll (for tests and single values). */
export const csvCell = (value: unknown): string =>
  stringifySync([[value ?? null]], {
    ...optionsOf({ bom: false, quoteAll: false }),
    record_delimiter: 'unix',
  }).replace(/\n$/, '');
