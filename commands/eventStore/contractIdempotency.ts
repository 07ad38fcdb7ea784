// The event store contract's idempotency cases: a key replayed, a key sent again with another request, one key
// raced by several appends. Registered on the contract's suite by `eventStoreContract` (contract.ts).
import { randomUUID } from 'node:crypto';
import * as assert from 'uvu/assert';
import { IdempotencyKeyReused } from '../../domain/shared/errors.js';
import { newEvents, stream, type ContractSuite } from './contractSupport.js';

export function idempotencyCases(test: ContractSuite) {
  test('an idempotency key replayed returns the first result and appends nothing', async ({ h }) => {
    const s = stream();
    const key = `key-${randomUUID()}`;
    const first = await h.store.appendToStream(s, newEvents(2), {
      expectedRevision: 'no_stream',
      idempotencyKey: key,
    });
    const again = await h.store.appendToStream(s, newEvents(2), {
      expectedRevision: 'no_stream',
      idempotencyKey: key,
    });
    assert.is(again.replayed, true);
    assert.is(again.nextRevision, first.nextRevision);
    assert.equal(again.eventIds, first.eventIds);
    assert.equal((await h.store.idempotentResult(key))?.eventIds, first.eventIds);
    assert.is((await h.store.readStream(s)).length, 2);
  });

  test('an idempotency key sent again with another request digest is refused and appends nothing', async ({
    h,
  }) => {
    const s = stream();
    const key = `key-${randomUUID()}`;
    await h.store.appendToStream(s, newEvents(1), {
      expectedRevision: 'no_stream',
      idempotencyKey: key,
      requestHash: 'digest-a',
    });
    const same = await h.store.appendToStream(s, newEvents(1), {
      expectedRevision: 'no_stream',
      idempotencyKey: key,
      requestHash: 'digest-a',
    });
    assert.is(same.replayed, true);
    const other = await h.store
      .appendToStream(s, newEvents(1), {
        expectedRevision: 'any',
        idempotencyKey: key,
        requestHash: 'digest-b',
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    assert.instance(other, IdempotencyKeyReused);
    assert.is((await h.store.idempotentResult(key))?.requestHash, 'digest-a');
    assert.is((await h.store.readStream(s)).length, 1);
  });

  test('concurrent appends with one idempotency key: one append, every caller answered with it', async ({
    h,
  }) => {
    const s = stream();
    const key = `key-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.store.appendToStream(s, newEvents(2), { expectedRevision: 'no_stream', idempotencyKey: key }),
      ),
    );
    assert.is(results.filter((r) => !r.replayed).length, 1, 'one append');
    assert.equal(new Set(results.map((r) => r.eventIds.join())).size, 1, 'one answer');
    assert.is((await h.store.readStream(s)).length, 2);
    assert.equal((await h.store.idempotentResult(key))?.eventIds, results[0]!.eventIds);
  });
}
