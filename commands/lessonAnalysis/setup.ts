// The lesson analysis worker as the configuration sets it up: the engine (a model when AI_URL is set, else the
// built-in one) and the attempts' timeout, number and back-off.
import type { Config } from '../../kernel/config.js';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../db/schema.js';
import type { EventStore } from '../eventStore/port.js';
import { engineFor } from './engines.js';
import { analysisWorker } from './worker.js';

export function lessonAnalysisWorker(
  config: Config,
  deps: { db: Db; eventStore: EventStore; clock: Clock; onError?: (e: unknown) => void },
) {
  return analysisWorker(
    { ...deps, engine: engineFor(config) },
    {
      timeoutMs: config.ANALYSIS_TIMEOUT_MS,
      maxAttempts: config.ANALYSIS_MAX_ATTEMPTS,
      retryMs: config.ANALYSIS_RETRY_MS,
    },
  );
}
