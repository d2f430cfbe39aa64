import {
  GHL_API_VERSION,
  GHL_CALENDARS_API_VERSION,
  OPTIONAL_SCOPES,
} from '../utils/ghl/api-constants';
import { endpointName } from '../utils/ghl/endpoints';
import type { FaultAction } from './faults';
import {
  ghlError,
  invalidJwt,
  MISSING_SCOPE_MESSAGE,
  SandboxHttpError,
  tooManyRequests,
  unprocessable,
} from './ghl-responses';
import type { SandboxRoute } from './route-context';
import { calendarRoutes } from './routes/calendar-routes';
import { contactListRoutes } from './routes/contact-list-routes';
import { contactRoutes } from './routes/contact-routes';
import { duplicateRoute } from './routes/duplicate-route';
import { locationNameRoutes } from './routes/location-name-routes';
import { locationTaskRoutes } from './routes/location-task-routes';
import { noteRoutes } from './routes/note-routes';
import { tokenRoute } from './routes/oauth-routes';
import { searchRoute } from './routes/search-route';
import { tagAndAppointmentRoutes } from './routes/tag-and-appointment-routes';
import { taskRoutes } from './routes/task-routes';
import type { AccessGrant } from './sandbox-auth';
import type { SandboxState } from './sandbox-state';

/** How the Sandbox answered one GHL request, with what counters and the log need. */
export interface GhlAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** "GET /contacts/:contactId", or the raw method and path when no operation matched. */
  endpoint: string;
  tokenLabel: string;
  /** An injected fault: lose the connection before or after the request takes effect. */
  drop?: 'before' | 'after';
}

const ROUTES: SandboxRoute[] = [
  searchRoute,
  duplicateRoute,
  ...contactListRoutes,
  ...contactRoutes,
  ...taskRoutes,
  ...noteRoutes,
  ...tagAndAppointmentRoutes,
  ...locationNameRoutes,
  ...locationTaskRoutes,
  ...calendarRoutes,
];

/**
 * Scopes a token is held to route by route. contacts.readonly is not among them: every Sandbox
 * token has it (a token without it cannot connect at all).
 */
const CHECKED_SCOPES = new Set<string>(['contacts.write', ...OPTIONAL_SCOPES]);

/** Every `Version` GHL documents: a request to no known path is checked against these. */
const KNOWN_VERSIONS = new Set<string>([GHL_API_VERSION, GHL_CALENDARS_API_VERSION]);

/** Route templates as patterns; GHL accepts paths with or without a trailing slash. */
const MATCHERS = ROUTES.map((route) => {
  const source = route.path.replace(/\/$/, '').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return { route, pattern: new RegExp(`^${source}/?$`) };
});

const CREATE_CONTACT = 'POST /contacts/';

const isTokenCall = (method: string, url: URL) =>
  method === 'POST' && /^\/oauth\/token\/?$/.test(url.pathname);

/**
 * Answers one request to GHL's API the way GHL does, in GHL's order: injected faults, the OAuth
 * token endpoint, the Version header, the bearer token, the location's rate limit, the route, the
 * token's scope, then the route's own checks. Every refusal is GHL's error body.
 */
export async function answerGhl(
  state: SandboxState,
  request: Request,
  url: URL,
  bodyText: string,
): Promise<GhlAnswer> {
  const matched = MATCHERS.find(
    (m) => m.route.method === request.method && m.pattern.test(url.pathname),
  );
  const tokenCall = isTokenCall(request.method, url);
  const answer: GhlAnswer = {
    status: 0,
    body: undefined,
    headers: {},
    endpoint: tokenCall
      ? 'POST /oauth/token'
      : matched
        ? endpointName(matched.route)
        : `${request.method} ${url.pathname}`,
    tokenLabel: 'anonymous',
  };
  try {
    answer.drop = injectFault(state.faults.next());
    if (answer.drop === 'before') return answer;
    if (tokenCall) {
      Object.assign(answer, await tokenRoute(state, request.headers, bodyText));
      return answer;
    }
    checkVersion(request.headers.get('version'), matched?.route);
    const grant = authenticate(state, request.headers.get('authorization'));
    answer.tokenLabel = grant.label;
    const budget = state.buckets.take(grant.locationId);
    answer.headers = budget.headers;
    if (!budget.allowed) throw tooManyRequests(budget.retryAfterSeconds);
    if (!matched) throw ghlError(404, `Cannot ${request.method} ${url.pathname}`);
    if (CHECKED_SCOPES.has(matched.route.scope) && !grant.scopes.includes(matched.route.scope)) {
      throw ghlError(401, MISSING_SCOPE_MESSAGE);
    }
    const reply = matched.route.handle({
      params: pathParams(matched.pattern, url.pathname),
      query: url.searchParams,
      body: bodyText === '' ? {} : parseJsonBody(bodyText),
      grant,
      state,
    });
    // GHL has been seen to create a contact and answer 422 all the same (#64).
    if (answer.endpoint === CREATE_CONTACT && reply.status === 201) {
      if (state.faults.takeCreateThen422()) throw unprocessable(['Unprocessable Entity']);
    }
    return {
      ...answer,
      status: reply.status,
      body: reply.body,
      headers: { ...answer.headers, ...reply.headers },
    };
  } catch (error) {
    if (!(error instanceof SandboxHttpError)) throw error;
    return {
      ...answer,
      status: error.status,
      body: error.body,
      headers: { ...answer.headers, ...error.headers },
    };
  }
}

/** Applies a fault that answers instead of GHL; says when to drop the connection, if at all. */
function injectFault(fault: FaultAction): GhlAnswer['drop'] {
  if (fault.kind === 'storm') throw tooManyRequests(fault.retryAfterSeconds);
  if (fault.kind === 'fail') throw ghlError(fault.status, 'Internal server error');
  if (fault.kind === 'drop') return fault.afterApply ? 'after' : 'before';
  return undefined;
}

/**
 * Each operation accepts the one Version its spec lists (the Calendars ones 2021-04-15, the rest
 * 2021-07-28); a path no route serves needs only a Version GHL knows before its 404.
 */
function checkVersion(version: string | null, route: SandboxRoute | undefined) {
  if (!version) throw ghlError(400, 'Version header was not found');
  const accepted = route
    ? version === (route.version ?? GHL_API_VERSION)
    : KNOWN_VERSIONS.has(version);
  if (!accepted) throw ghlError(400, 'Invalid version header');
}

function authenticate(state: SandboxState, header: string | null): AccessGrant {
  const grant = state.auth.authenticate(header);
  if (grant === 'expired') throw invalidJwt();
  if (typeof grant === 'string') throw ghlError(401, 'Invalid token: access token is invalid');
  return grant;
}

function pathParams(pattern: RegExp, pathname: string): Record<string, string> {
  const groups = pattern.exec(pathname)?.groups ?? {};
  try {
    return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]));
  } catch {
    throw ghlError(400, 'Malformed path');
  }
}

/** A request body that is not JSON: 400, as GHL's body parser answers. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw ghlError(400, `Unexpected token in JSON body: ${(error as Error).message}`);
  }
}
