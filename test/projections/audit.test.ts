// The audit projection's pure parts: which ids an event concerns, commit order from positions, CSV cells, and
// the URL masking of logged requests.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { referencedIds, sequenceOf } from '../../projections/audit/audit.js';
import { csvCell } from '../../api/routes/audit.js';
import { redactUrl } from '../../api/redact.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

test('ids an event concerns: *Id, *Ids and *By keys at any depth, never free text', () => {
  const ids = referencedIds({
    liveSessionId: A,
    participant: { studentId: B, name: 'not an id' },
    learnerIds: [C, 'nope'],
    removedBy: A.toUpperCase(),
    notes: `mentions ${B} in text`,
    count: 3,
  });
  assert.equal([...ids].sort(), [A, B, C]);
});

test('positions order as two numbers, whatever their length', () => {
  assert.equal(sequenceOf('741:12'), ['741', '12']);
  assert.equal(sequenceOf('123456789012345678:9'), ['123456789012345678', '9']);
  assert.equal(sequenceOf('weird'), ['0', '0']);
});

test('CSV cells are quoted and never run as spreadsheet formulas', () => {
  assert.is(csvCell('plain'), 'plain');
  assert.is(csvCell('a,b'), '"a,b"');
  assert.is(csvCell('say "hi"'), '"say ""hi"""');
  assert.is(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.is(csvCell('-1'), "'-1");
  assert.is(csvCell(null), '');
  assert.is(csvCell(7), '7');
});

test('logged URLs hide feed tokens and token-like query parameters', () => {
  assert.is(redactUrl('/api/calendar/feed/abc123.ics'), '/api/calendar/feed/[REDACTED]');
  assert.is(redactUrl('/api/x?token=abc&y=1'), '/api/x?token=[REDACTED]&y=1');
  assert.is(redactUrl('/api/x?y=1&Password=p'), '/api/x?y=1&Password=[REDACTED]');
  assert.is(redactUrl('/api/live-sessions/1'), '/api/live-sessions/1');
});

test.run();
