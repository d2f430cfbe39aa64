import { expect, it } from 'vitest';
import { z } from 'zod';
import { systemClock } from '../../utils/clock';
import { GHL_ENDPOINTS, fillPath, type GhlEndpoint } from '../../utils/ghl/endpoints';
import { createSandbox } from '../../sandbox/sandbox-handler';
import type { TrafficEntry } from '../../sandbox/traffic-log';
import { operationById, parametersIn, successStatus, type SpecOperation } from './openapi-spec';
import { callSandbox, CLIENT_HEADERS, VALID_REQUESTS } from './sandbox-requests';
import { checkValue, type JsonSchema } from './schema-check';
import { describeWithSpec, requireSpec } from './spec-suite';
import { answerSchema, extraBodyFields } from './evidence-exceptions';
import { GHL_API_VERSION } from '../../utils/ghl/api-constants';
import { checkTrafficEntry } from './traffic-check';

/**
 * The endpoint table and the Sandbox against GHL's OpenAPI files: the table has the spec's
 * operations, statuses, body fields and query parameters, and the Sandbox answers a valid call
 * with the documented status and response schema. Error bodies: sandbox-error-bodies.test.ts;
 * the OAuth flow: sandbox-oauth.test.ts.
 */

/** POST /contacts/search: the spec documents neither body nor answer (see traffic-check.ts). */
const SEARCH = 'search-contacts-advanced';

/** Operations whose valid request (sandbox-requests.ts) finds at least one record. */
const FINDS_SOME = new Set(['task-search', 'get-calendars', 'get-calendar-events']);

function keysOf(schema: JsonSchema | undefined): string[] {
  return Object.keys(schema?.properties ?? {}).sort();
}

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  if (!(schema instanceof z.ZodObject)) throw new Error('not a zod object');
  return schema.shape as Record<string, z.ZodType>;
}

/** The keys a zod object requires: those that refuse `undefined`. */
function requiredKeys(shape: Record<string, z.ZodType>): string[] {
  return Object.keys(shape)
    .filter((key) => !shape[key]!.safeParse(undefined).success)
    .sort();
}

describeWithSpec.each(Object.entries(GHL_ENDPOINTS))('%s', (_name, endpoint: GhlEndpoint) => {
  const name = _name as keyof typeof GHL_ENDPOINTS;
  const operation = (): SpecOperation => operationById(requireSpec(), endpoint.operationId);

  it('is the spec operation with that id, method and path', () => {
    expect({ method: operation().method, path: operation().pathTemplate }).toEqual({
      method: endpoint.method,
      path: endpoint.path,
    });
  });

  it('expects the documented success status', () => {
    expect(endpoint.status).toBe(successStatus(operation()));
  });

  if (endpoint.body && endpoint.operationId !== SEARCH) {
    it('sends exactly the documented body fields, with the documented ones required', () => {
      const shape = shapeOf(endpoint.body);
      const schema = operation().requestBodySchema;
      // Plus exactly the fields public evidence adds (evidence-exceptions.ts).
      const extra = extraBodyFields(endpoint.operationId);
      expect(extra.filter((field) => keysOf(schema).includes(field))).toEqual([]);
      expect(Object.keys(shape).sort()).toEqual([...keysOf(schema), ...extra].sort());
      expect(requiredKeys(shape)).toEqual([...(schema?.required ?? [])].sort());
    });
  }
  if (endpoint.query) {
    it('sends exactly the documented query parameters, with the documented ones required', () => {
      const shape = shapeOf(endpoint.query);
      const documented = parametersIn(operation(), 'query');
      expect(Object.keys(shape).sort()).toEqual(documented.map((p) => p.name).sort());
      expect(requiredKeys(shape)).toEqual(
        documented
          .filter((p) => p.required)
          .map((p) => p.name)
          .sort(),
      );
    });
  }
  if (endpoint.operationId === SEARCH) {
    it('still has no documented body fields (else compare them to searchContactsBody)', () => {
      expect(keysOf(operation().requestBodySchema)).toEqual([]);
    });
  }

  it('is answered by the Sandbox with the documented status and response schema', async () => {
    const traffic: TrafficEntry[] = [];
    const sandbox = createSandbox({ clock: systemClock, onTraffic: (e) => traffic.push(e) });
    const request = await VALID_REQUESTS[name](sandbox);
    const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
    const filled = fillPath(endpoint.path, request.params);
    if ('invalid' in filled) throw new Error(`bad test request: ${filled.invalid}`);
    const path = filled.path + query;
    const headers = { ...CLIENT_HEADERS, Version: endpoint.version ?? GHL_API_VERSION };
    const answer = await callSandbox(sandbox, endpoint.method, path, request.body, headers);

    expect(answer.status).toBe(successStatus(operation()));
    const documented = operation().responses[String(answer.status)];
    // Where evidence shows GHL answering otherwise, that (evidence-exceptions.ts).
    const schema = documented && answerSchema(endpoint.operationId, documented);
    if (schema) {
      expect.soft(checkValue(schema, answer.body)).toEqual([]);
      // The spec marks no top-level field required, so `{}` would pass the schema: ask for them.
      expect(Object.keys(answer.body as object)).toEqual(expect.arrayContaining(keysOf(schema)));
      // An empty list passes any item schema: the bulk reads' requests are built to find some.
      if (FINDS_SOME.has(endpoint.operationId)) {
        for (const value of Object.values(answer.body as object)) {
          if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
        }
      }
    } else {
      // No documented answer: hold the Sandbox to the schema the client parses it with.
      expect(endpoint.response.safeParse(answer.body).error?.issues ?? []).toEqual([]);
    }
    // Every call made, setup included, is one the traffic checker accepts.
    expect(traffic.flatMap((entry) => checkTrafficEntry(requireSpec(), entry))).toEqual([]);
  });
});
