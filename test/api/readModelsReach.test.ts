// How long a write (or a read carrying a position) waits for the read models: a momentary hold of the readers by
// a short transaction of this database is waited out, so the next plain GET sees the write; a hold that lasts
// is not, so a long transaction does not hold the answer back.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readModelsReach } from '../../api/readYourWrites.js';
import type { AppDeps } from '../../api/deps.js';

const WRITE = '100:7';
const BEHIND = '99:3';

/** The read models and the event store as the wait sees them; `headCalls` counts its looks at the head. */
function world(headAt: (call: number) => string | null) {
  const state = { headCalls: 0, reached: false };
  const deps = {
    projections: {
      async waitFor(_position: string, timeoutMs: number) {
        if (state.reached) return true;
        await new Promise((r) => setTimeout(r, Math.min(timeoutMs, 5)));
        return state.reached;
      },
    },
    eventStore: {
      async headPosition() {
        const head = headAt(++state.headCalls);
        // Once the write is readable, the projectors get to it.
        if (head === WRITE) state.reached = true;
        return head;
      },
    },
  } as unknown as AppDeps;
  return { deps, state };
}

const test = suite('waiting for the read models');

test('a hold of the readers that ends at once is waited out: the read models include the write', async () => {
  // A projector's or a lease's transaction holds the head behind the write for the first three looks.
  const { deps, state } = world((call) => (call <= 3 ? BEHIND : WRITE));
  await readModelsReach(deps, WRITE, 10_000);
  assert.ok(state.reached, 'returned only once the read models included the write');
  assert.is(state.headCalls, 4);
});

test('a hold that lasts (a long transaction in this database) is not waited for', async () => {
  const { deps, state } = world(() => BEHIND);
  const started = performance.now();
  await readModelsReach(deps, WRITE, 10_000);
  const waited = performance.now() - started;
  assert.not.ok(state.reached);
  assert.ok(waited >= 250, `gave the hold 250 ms to end (waited ${waited.toFixed(0)} ms)`);
  assert.ok(waited < 5_000, `then answered without the read models (waited ${waited.toFixed(0)} ms)`);
});

test('a position the read models already include returns without looking at the head', async () => {
  const { deps, state } = world(() => WRITE);
  state.reached = true;
  await readModelsReach(deps, WRITE, 10_000);
  assert.is(state.headCalls, 0);
});

test.run();
