// A write answered on one node waits until the read models include it. With several nodes, another node's runner
// may apply the batch and move the shared checkpoint: this node's runner then only sees the checkpoint where it
// already is, and must still tell the waiting write, rather than leave it to wait out its timeout.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { logConsumerRunner, type LogConsumer } from '../../commands/logConsumer/consumer.js';
import type { EventStore } from '../../commands/eventStore/port.js';

const HEAD = '000000000000000000000005';

test('a checkpoint moved by another node wakes the writes waiting on this one', async () => {
  let movedByOtherNode = false;
  const consumer: LogConsumer = {
    checkpoint: 'schedule',
    name: 'schedule',
    // This node never applies anything itself: the other node's runner moved the checkpoint to the head.
    consume: async () =>
      movedByOtherNode ? { after: HEAD, position: HEAD, read: 0 } : { after: null, position: null, read: 0 },
  };
  const store = {
    headPosition: async () => HEAD,
    onAppended: () => () => undefined,
  } as unknown as EventStore;
  const runner = logConsumerRunner(store, [consumer], { pollMs: 20 });
  runner.start();
  await new Promise((r) => setTimeout(r, 50));
  const waiting = runner.waitFor(HEAD, 5_000);
  movedByOtherNode = true;
  const reached = await waiting;
  await runner.stop();
  assert.ok(reached, 'the wait ends when the other node has moved the checkpoint, not at its timeout');
});

test.run();
