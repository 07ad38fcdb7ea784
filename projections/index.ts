// Every projection, by name. `npm run rebuild -- <name>` takes these names.
import type { Projection } from './projection.js';
import { scheduleProjection } from './schedule/schedule.js';
import { catalogProjection } from './catalog/catalog.js';

export const projections: Projection[] = [scheduleProjection, catalogProjection];

export const projectionByName = (name: string) => projections.find((p) => p.name === name);
