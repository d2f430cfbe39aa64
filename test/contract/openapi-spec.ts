import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRefResolver } from './openapi-refs';
import type { JsonSchema } from './schema-check';

/**
 * GHL's published OpenAPI files (../shared/ghl-openapi), read at test time and never copied into
 * the project: the operations they document, found by id or by a concrete request path.
 */

/**
 * The files with operations; common/common-schemas.json is reached through their `$ref`s. Users
 * and Locations hold the two reads that turn ids into names (GET /users/, GET
 * /locations/{locationId}/customFields) and the location's task search; Calendars the bulk
 * appointment reads (GET /calendars/, GET /calendars/events).
 */
const OPERATION_FILES = [
  'apps/contacts.json',
  'apps/oauth.json',
  'apps/users.json',
  'apps/locations.json',
  'apps/calendars.json',
];
const SCHEMA_FILES = [...OPERATION_FILES, 'common/common-schemas.json'];
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One documented parameter (path, query or header). */
export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema?: JsonSchema;
}

/** One documented operation, every `$ref` resolved. */
export interface SpecOperation {
  /** Upper-case, as in requests: 'GET'. */
  method: string;
  /** The spec's template: '/contacts/{contactId}/tasks'. */
  pathTemplate: string;
  operationId: string;
  parameters: SpecParameter[];
  requestBodySchema?: JsonSchema;
  /** 'application/json', or 'application/x-www-form-urlencoded' for /oauth/token. */
  requestContentType?: string;
  requestBodyRequired: boolean;
  /** Status code → the JSON schema of that answer (undefined when the spec gives none). */
  responses: Record<string, JsonSchema | undefined>;
  /** Whether the operation needs a bearer token (it has a `security` requirement). */
  secured: boolean;
  /** The scopes its `security` names, e.g. ['contacts.write']. */
  scopes: string[];
}

/** The loaded spec. */
export interface OpenApiSpec {
  dir: string;
  operations: SpecOperation[];
  /** Every `components.schemas` entry of the three files by name, resolved. */
  schemas: Record<string, JsonSchema>;
}

/**
 * Where the spec lives: $GHL_OPENAPI_DIR (an error if it lacks the files), else
 * `shared/ghl-openapi` in the repo root or any ancestor of it (so ../shared/ghl-openapi is found),
 * else /work/shared/ghl-openapi. Undefined when none of them has the files, so callers can skip
 * loudly instead of failing obscurely.
 */
export function findSpecDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const hasFiles = (dir: string) => SCHEMA_FILES.every((file) => existsSync(join(dir, file)));
  if (env.GHL_OPENAPI_DIR) {
    // Set but wrong is a mistake to report, not a reason to look elsewhere.
    const dir = resolve(env.GHL_OPENAPI_DIR);
    if (!hasFiles(dir)) throw new Error(`GHL_OPENAPI_DIR=${dir} does not hold GHL's OpenAPI files`);
    return dir;
  }
  const candidates: string[] = [];
  for (let dir = REPO_ROOT; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'shared/ghl-openapi'));
    if (dirname(dir) === dir) break;
  }
  candidates.push('/work/shared/ghl-openapi');
  return candidates.find(hasFiles);
}

interface RawOperation {
  operationId: string;
  parameters?: SpecParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  security?: Record<string, string[]>[];
}

function toOperation(method: string, pathTemplate: string, raw: RawOperation): SpecOperation {
  const [contentType, media] = Object.entries(raw.requestBody?.content ?? {})[0] ?? [];
  const responses = Object.fromEntries(
    Object.entries(raw.responses ?? {}).map(([status, answer]) => [
      status,
      answer.content?.['application/json']?.schema,
    ]),
  );
  return {
    method: method.toUpperCase(),
    pathTemplate,
    operationId: raw.operationId,
    parameters: (raw.parameters ?? []).map((p) => ({ ...p, required: p.required === true })),
    requestBodySchema: media?.schema,
    requestContentType: contentType,
    requestBodyRequired: raw.requestBody?.required === true,
    responses,
    secured: (raw.security ?? []).length > 0,
    scopes: (raw.security ?? []).flatMap((requirement) => Object.values(requirement).flat()),
  };
}

type PathItems = Record<string, Record<string, RawOperation>>;

/** Reads and resolves the spec files in `dir`. */
export function loadSpec(dir: string): OpenApiSpec {
  const resolver = createRefResolver();
  const operations = OPERATION_FILES.flatMap((file) => {
    const paths = (resolver.document(join(dir, file)).paths ?? {}) as PathItems;
    return Object.entries(paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((m) => item[m]).map((m) => toOperation(m, path, item[m]!)),
    );
  });
  const schemas: Record<string, JsonSchema> = {};
  for (const file of SCHEMA_FILES) {
    const components = resolver.document(join(dir, file)).components as { schemas?: object };
    for (const name of Object.keys(components?.schemas ?? {})) {
      schemas[name] = resolver.at(join(dir, file), `/components/schemas/${name}`);
    }
  }
  return { dir, operations, schemas };
}

/** The operation with this operationId; throws if the spec has none. */
export function operationById(spec: OpenApiSpec, operationId: string): SpecOperation {
  const found = spec.operations.find((op) => op.operationId === operationId);
  if (!found) throw new Error(`The spec has no operation ${operationId}`);
  return found;
}

/** The documented 2xx status of an operation, e.g. 201 for create-task. */
export function successStatus(operation: SpecOperation): number | undefined {
  const status = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code));
  return status === undefined ? undefined : Number(status);
}

/** The parameters of one kind: `parametersIn(op, 'query')`. */
export function parametersIn(operation: SpecOperation, where: SpecParameter['in']) {
  return operation.parameters.filter((p) => p.in === where);
}

export { matchOperation, type OperationMatch } from './operation-match';
