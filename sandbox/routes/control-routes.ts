import { ghlError, type SandboxReply } from '../ghl-responses';
import type { SandboxState } from '../sandbox-state';
import { controlAdminRoutes } from './control-admin-routes';
import { controlDataRoutes } from './control-data-routes';

const ROUTES = [...controlAdminRoutes, ...controlDataRoutes];

/**
 * Runs a request to the control API (`path` is what follows /__sandbox/): edit data as a person
 * in GHL would, revoke tokens, inject faults, tune rate limits and read counters.
 */
export function controlRoute(
  state: SandboxState,
  method: string,
  path: string,
  body: unknown,
): SandboxReply {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return route.handle(state, [...match], body);
  }
  throw ghlError(404, `Cannot ${method} /__sandbox/${path}`);
}
