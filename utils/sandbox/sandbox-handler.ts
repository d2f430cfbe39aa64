import { GHL_API_VERSION } from '../ghl/api-constants';
import { endpointName } from '../ghl/endpoints';
import { SandboxConnectionDropped } from './faults';
import {
  ghlError,
  MISSING_SCOPE_MESSAGE,
  SandboxHttpError,
  type SandboxReply,
} from './ghl-responses';
import type { SandboxRoute } from './route-context';
import { contactRoutes } from './routes/contact-routes';
import { controlRoute } from './routes/control-routes';
import { noteRoutes } from './routes/note-routes';
import { authorizationRoute, tokenRoute } from './routes/oauth-routes';
import { searchRoute } from './routes/search-route';
import { tagAndAppointmentRoutes } from './routes/tag-and-appointment-routes';
import { taskRoutes } from './routes/task-routes';
import { createSandboxState, type SandboxOptions } from './sandbox-state';
import { trafficEntry, type TrafficEntry } from './traffic-log';

/** Options of {@link createSandbox}. */
export interface CreateSandboxOptions extends SandboxOptions {
  /** Called once per GHL request (not control calls) with its masked log entry. */
  onTraffic?: (entry: TrafficEntry) => void;
}

const ROUTES: SandboxRoute[] = [
  searchRoute,
  ...contactRoutes,
  ...taskRoutes,
  ...noteRoutes,
  ...tagAndAppointmentRoutes,
];

/** A route's path template as a pattern; GHL accepts paths with or without a trailing slash. */
const MATCHERS = ROUTES.map((route) => {
  const source = route.path.replace(/\/$/, '').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return { route, pattern: new RegExp(`^${source}/?$`) };
});

/**
 * The Sandbox GHL as one request handler: Request in, Response out. The same function serves
 * HTTP on 127.0.0.1 (`npm run sandbox`) and, in Sandbox mode, the extension itself with no server.
 * It answers like GHL (apps/contacts.json, apps/oauth.json): Version and token checks, scopes,
 * locations, validation, shared per-location rate limits, and GHL's error bodies.
 */
export function createSandbox(options: CreateSandboxOptions) {
  const state = createSandboxState(options);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const bodyText =
      request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    if (url.pathname.startsWith('/__sandbox')) {
      const path = url.pathname.replace(/^\/__sandbox\/?/, '');
      return reply(() => controlRoute(state, request.method, path, parseBody(bodyText)));
    }
    if (url.pathname.startsWith('/oauth/chooselocation')) {
      try {
        return authorizationRoute(state, url);
      } catch (error) {
        return reply(() => {
          throw error;
        });
      }
    }
    const latency = state.faults.latencyMs();
    if (latency > 0) await state.clock.sleep(latency);
    const result = await answerGhl(request, url, bodyText);
    state.count(result.endpoint, result.tokenLabel, result.status);
    let responseText = JSON.stringify(result.body);
    if (result.dropAfterApply) throw new SandboxConnectionDropped();
    if (state.faults.takeMalformed())
      responseText = responseText.slice(0, Math.ceil(responseText.length / 2));
    options.onTraffic?.(
      trafficEntry({
        method: request.method,
        url,
        headers: request.headers,
        bodyText,
        status: result.status,
        responseText,
      }),
    );
    return new Response(responseText, {
      status: result.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...result.headers },
    });
  }

  interface GhlAnswer {
    status: number;
    body: unknown;
    headers: Record<string, string>;
    endpoint: string;
    tokenLabel: string;
    dropAfterApply?: boolean;
  }

  async function answerGhl(request: Request, url: URL, bodyText: string): Promise<GhlAnswer> {
    const matched = MATCHERS.find(
      (m) => m.route.method === request.method && m.pattern.test(url.pathname),
    );
    const isToken = request.method === 'POST' && /^\/oauth\/token\/?$/.test(url.pathname);
    const endpoint = isToken
      ? 'POST /oauth/token'
      : matched
        ? endpointName(matched.route)
        : `${request.method} ${url.pathname}`;
    let tokenLabel = 'anonymous';
    let rateHeaders: Record<string, string> = {};
    try {
      const fault = state.faults.next();
      if (fault.kind === 'storm') {
        throw new SandboxHttpError(
          429,
          { statusCode: 429, message: 'Too many requests', error: 'Too Many Requests' },
          { 'retry-after': String(fault.retryAfterSeconds) },
        );
      }
      if (fault.kind === 'fail') throw ghlError(fault.status, 'Internal server error');
      if (fault.kind === 'drop' && !fault.afterApply) throw new SandboxConnectionDropped();

      if (isToken) {
        const answer = await tokenRoute(state, new URLSearchParams(bodyText));
        return { ...answer, headers: {}, endpoint, tokenLabel };
      }
      const version = request.headers.get('version');
      if (!version) throw ghlError(400, 'Version header was not found');
      if (version !== GHL_API_VERSION) throw ghlError(400, 'Invalid version header');

      const grant = state.auth.authenticate(request.headers.get('authorization'));
      if (typeof grant === 'string') {
        throw ghlError(
          401,
          grant === 'expired' ? 'Invalid JWT' : 'Invalid token: access token is invalid',
        );
      }
      tokenLabel = grant.label;
      const bucket = state.buckets.take(grant.locationId);
      rateHeaders = bucket.headers;
      if (!bucket.allowed) {
        throw new SandboxHttpError(
          429,
          { statusCode: 429, message: 'Too many requests', error: 'Too Many Requests' },
          { 'retry-after': String(bucket.retryAfterSeconds) },
        );
      }
      if (!matched) throw ghlError(404, `Cannot ${request.method} ${url.pathname}`);
      if (matched.route.scope === 'contacts.write' && !grant.scopes.includes('contacts.write')) {
        throw ghlError(401, MISSING_SCOPE_MESSAGE);
      }
      const body = bodyText === '' ? {} : parseJsonBody(bodyText);
      const params = matched.pattern.exec(url.pathname)?.groups ?? {};
      const answer = matched.route.handle({
        params: Object.fromEntries(
          Object.entries(params).map(([k, v]) => [k, decodeURIComponent(v)]),
        ),
        query: url.searchParams,
        body,
        grant,
        state,
      });
      return {
        status: answer.status,
        body: answer.body,
        headers: { ...rateHeaders, ...answer.headers },
        endpoint,
        tokenLabel,
        dropAfterApply: fault.kind === 'drop',
      };
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      return {
        status: error.status,
        body: error.body,
        headers: { ...rateHeaders, ...error.headers },
        endpoint,
        tokenLabel,
      };
    }
  }

  return {
    /** Answers one request like GHL. Throws SandboxConnectionDropped for an injected drop. */
    handle,
    /** The Sandbox's data and knobs, for hosts and tests in the same process. */
    state,
  };
}

/** See {@link createSandbox}. */
export type Sandbox = ReturnType<typeof createSandbox>;

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw ghlError(400, `Unexpected token in JSON body: ${(error as Error).message}`);
  }
}

function parseBody(text: string): unknown {
  return text === '' ? undefined : parseJsonBody(text);
}

/** Runs a control or page route and turns its result or GHL error into a JSON Response. */
function reply(run: () => SandboxReply): Response {
  let result: SandboxReply;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof SandboxHttpError)) throw error;
    result = { status: error.status, body: error.body, headers: error.headers };
  }
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...result.headers },
  });
}
