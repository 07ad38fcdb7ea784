// A suite whose tests need a service that may be missing: the tests are registered as skipped, with the reason
// printed, so the run's totals show them.
import { suite as uvuSuite, type Test } from 'uvu';
import { skipNotice } from './services.js';

export function skippedSuite(name: string, why: string, testNames: string[]) {
  skipNotice(name, why);
  const s = uvuSuite(name);
  for (const t of testNames) s.skip(t, () => undefined);
  s.run();
}

export type { Test };
