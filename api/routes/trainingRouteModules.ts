// Every trainings route module, registered as one (so api/routes/index.ts lists trainings once).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { trainingRoutes } from './trainings.js';
import { trainingSectionRoutes } from './trainingSections.js';
import { trainingRegistrationRoutes } from './trainingRegistrations.js';

export async function trainingsRoutes(app: FastifyInstance, deps: AppDeps) {
  await trainingRoutes(app, deps);
  await trainingSectionRoutes(app, deps);
  await trainingRegistrationRoutes(app, deps);
}
