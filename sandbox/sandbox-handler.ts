import { answerGhl, parseJsonBody } from './ghl-pipeline';
import { SandboxConnectionDropped } from './faults';
import { jsonResponse, replyOf, SandboxHttpError } from './ghl-responses';
import { controlRoute } from './routes/control-routes';
import { authorizationRoute, CHOOSE_LOCATION_PATH } from './routes/oauth-routes';
import { createSandboxState, type SandboxOptions } from './sandbox-state';
import { trafficEntry, type TrafficEntry } from './traffic-log';

/** Options of {@link createSandbox}. */
export interface CreateSandboxOptions extends SandboxOptions {
  /** Called once per GHL request (not control calls) with its masked log entry. */
  onTraffic?: (entry: TrafficEntry) => void;
}

/**
 * The Sandbox GHL as one request handler: Request in, Response out. The same function serves
 * HTTP on 127.0.0.1 (`npm run sandbox`) and, in Sandbox mode, the extension itself with no server.
 * GHL's API is answered by ghl-pipeline.ts; /__sandbox/ is the control API for tests and demos;
 * /v2/oauth/chooselocation is the page a person authorizes on.
 */
export function createSandbox(options: CreateSandboxOptions) {
  const state = createSandboxState(options);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const bodyText =
      request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    if (url.pathname.startsWith('/__sandbox')) {
      // A web page can send a form or text/plain POST anywhere without asking (no CORS
      // preflight; PUT and DELETE always need one); application/json it cannot. So no page a
      // tester visits changes the Sandbox.
      if ((request.method === 'POST' || bodyText !== '') && !isJson(request.headers)) {
        return jsonResponse({
          status: 415,
          body: {
            statusCode: 415,
            message: 'The control API takes Content-Type: application/json',
          },
        });
      }
      const path = url.pathname.replace(/^\/__sandbox\/?/, '');
      return jsonResponse(
        replyOf(() =>
          controlRoute(
            state,
            request.method,
            path,
            bodyText === '' ? undefined : parseJsonBody(bodyText),
          ),
        ),
      );
    }
    if (url.pathname.startsWith(CHOOSE_LOCATION_PATH)) {
      try {
        return authorizationRoute(state, url);
      } catch (error) {
        if (!(error instanceof SandboxHttpError)) throw error;
        return jsonResponse({ status: error.status, body: error.body });
      }
    }
    const latency = state.faults.latencyMs();
    if (latency > 0) await state.clock.sleep(latency);
    const answer = await answerGhl(state, request, url, bodyText);
    // A dropped request reached the Sandbox all the same: counted and logged with status 0.
    const status = answer.drop ? 0 : answer.status;
    state.count(answer.endpoint, answer.tokenLabel, answer.drop === 'before' ? 0 : answer.status);
    let responseText = answer.drop ? '' : JSON.stringify(answer.body);
    if (!answer.drop && state.faults.takeMalformed()) {
      responseText = responseText.slice(0, Math.ceil(responseText.length / 2));
    }
    const { method, headers } = request;
    options.onTraffic?.(trafficEntry({ method, url, headers, bodyText, status, responseText }));
    if (answer.drop) throw new SandboxConnectionDropped();
    return new Response(responseText, {
      status: answer.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...answer.headers },
    });
  }

  return {
    /** Answers one request like GHL. Throws SandboxConnectionDropped for an injected drop. */
    handle,
    /** The Sandbox's data and knobs, for hosts and tests in the same process. */
    state,
  };
}

function isJson(headers: Headers): boolean {
  return /^application\/json\s*(;|$)/i.test(headers.get('content-type') ?? '');
}

/** See {@link createSandbox}. */
export type Sandbox = ReturnType<typeof createSandbox>;
