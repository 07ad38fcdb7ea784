// The EventStoreDB adapter passes the same contract, where an EventStoreDB is reachable: EVENTSTORE_URL, or one
// started by testcontainers when a Docker engine answers. Otherwise the suite says it was skipped and why.
import { eventStoreDb } from '../../commands/eventStore/eventStoreDb.js';
import { eventStoreContract } from '../../commands/eventStore/contract.js';
import { skippedSuite } from '../support/suite.js';

const SUITE = 'event store contract: eventstoredb';

async function eventStoreUrl(): Promise<{ url: string; stop(): Promise<void> } | { why: string }> {
  if (process.env.EVENTSTORE_URL) return { url: process.env.EVENTSTORE_URL, stop: async () => undefined };
  try {
    const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    const container = await new GenericContainer('eventstore/eventstore:24.10')
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_MEM_DB: 'true',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forLogMessage(/IS LEADER/))
      .start();
    return {
      url: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
      stop: async () => void (await container.stop()),
    };
  } catch (error) {
    return {
      why: `EVENTSTORE_URL is not set and no Docker engine answers for testcontainers (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

const found = await eventStoreUrl();
if ('why' in found) {
  skippedSuite(SUITE, found.why, ['contract']);
} else {
  const test = eventStoreContract('eventstoredb', async () => {
    const store = eventStoreDb(found.url);
    return {
      store,
      // EventStoreDB assigns $all positions at commit, so a late writer is simply a writer that appends last.
      holdOpenAppend: async (streamId, events) => ({
        commit: async () =>
          void (await store.appendToStream(streamId, events, { expectedRevision: 'no_stream' })),
      }),
      close: () => store.close(),
    };
  });
  test.after(() => found.stop());
  test.run();
}
