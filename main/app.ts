// The composition root's app: the HTTP API with the live-room gateway mounted on it. Neither api/ nor realtime/
// knows the other; only this file puts them together.
import { buildHttpApp, type App } from '../api/app.js';
import type { AppDeps } from '../api/deps.js';
import { gatewayRoutes } from '../realtime/gateway.js';

export type { App };
export { LOG_OPTIONS } from '../api/app.js';

export function buildApp(deps: AppDeps): Promise<App> {
  return buildHttpApp(deps, [gatewayRoutes]);
}
