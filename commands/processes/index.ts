// Every process manager, started beside the projections by the composition root.
import type { EventStore } from '../eventStore/port.js';
import { billingProcess } from './billing.js';
import type { Process } from './process.js';

export const processes = (deps: { eventStore: EventStore }): Process[] => [billingProcess(deps)];
