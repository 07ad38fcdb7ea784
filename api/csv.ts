// CSV that opens cleanly everywhere: UTF-8 with a byte-order mark, a header row, every field quoted, quotes
// doubled, CRLF line ends (RFC 4180). Streamed: rows are written as they arrive.
import { Readable } from 'node:stream';

const field = (value: unknown): string => {
  if (value === null || value === undefined) return '""';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `"${text.replace(/"/g, '""')}"`;
};

export const csvLine = (values: unknown[]) => `${values.map(field).join(',')}\r\n`;

export function csvStream(columns: string[], rows: AsyncIterable<Record<string, unknown>>): Readable {
  async function* lines() {
    yield `\uFEFF${csvLine(columns)}`;
    let batch = '';
    for await (const row of rows) {
      batch += csvLine(columns.map((c) => row[c]));
      if (batch.length > 64 * 1024) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  return Readable.from(lines(), { objectMode: false });
}
