import { checkDocumentedSearchBody } from '../../sandbox/documented-search-body';
import { extraBodyFields } from './evidence-exceptions';
import type { TrafficEntry } from '../../sandbox/traffic-log';
import {
  matchOperation,
  parametersIn,
  successStatus,
  type OpenApiSpec,
  type SpecOperation,
} from './openapi-spec';
import { checkValue, typeOf } from './schema-check';

/**
 * Checks the Sandbox's traffic log (GHL_SANDBOX_LOG) against the OpenAPI files: every call the
 * extension made must be one GHL documents, asked the way GHL documents it.
 */

/**
 * Bodies the spec leaves empty and documents elsewhere. `SearchBodyV2DTO` has no properties; the
 * rules come from GHL's search guide that the operation links to and GHL's answers in its issue
 * threads, written down in sandbox/documented-search-body.ts (the rules the Sandbox answers by),
 * never from the product's own schema: drift between the two shows here.
 */
const BODY_DOCUMENTED_ELSEWHERE: Record<string, (body: unknown) => string[]> = {
  'search-contacts-advanced': checkDocumentedSearchBody,
};

function checkQuery(operation: SpecOperation, query: URLSearchParams): string[] {
  const documented = parametersIn(operation, 'query');
  const names = new Set(documented.map((p) => p.name));
  return [
    ...[...new Set(query.keys())]
      .filter((name) => !names.has(name))
      .map((name) => `query parameter "${name}" is not documented`),
    ...documented
      .filter((p) => p.required && !query.has(p.name))
      .map((p) => `query parameter "${p.name}" is required but missing`),
  ];
}

function checkHeaders(operation: SpecOperation, headers: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const parameter of parametersIn(operation, 'header')) {
    const name = parameter.name.toLowerCase();
    const value = headers[name];
    const allowed = parameter.schema?.enum?.map((v) => JSON.stringify(v)).join(', ');
    if (value === undefined) {
      if (parameter.required) problems.push(`header ${name} is missing (documented: ${allowed})`);
    } else if (parameter.schema?.enum && !parameter.schema.enum.includes(value)) {
      problems.push(`header ${name} is "${value}", documented: ${allowed}`);
    }
  }
  if (operation.secured && !/^Bearer \S/i.test(headers.authorization ?? '')) {
    problems.push('header authorization is missing (the operation needs a bearer token)');
  }
  return problems;
}

function checkForm(operation: SpecOperation, body: unknown): string[] {
  if (typeof body !== 'string')
    return [`body: expected a form-encoded string, got ${typeOf(body)}`];
  // Values are masked as *** in the log, so only the field names can be checked.
  const fields = new Set(new URLSearchParams(body).keys());
  const schema = operation.requestBodySchema ?? {};
  return [
    ...[...fields]
      .filter((field) => !schema.properties?.[field])
      .map((field) => `form field "${field}" is not documented`),
    ...(schema.required ?? [])
      .filter((field) => !fields.has(field))
      .map((field) => `form field "${field}" is required but missing`),
  ];
}

function checkBody(operation: SpecOperation, body: unknown): string[] {
  if (body === null || body === undefined) {
    return operation.requestBodyRequired ? ['body is required but missing'] : [];
  }
  if (operation.requestContentType === 'application/x-www-form-urlencoded') {
    return checkForm(operation, body);
  }
  const elsewhere = BODY_DOCUMENTED_ELSEWHERE[operation.operationId];
  if (elsewhere) return elsewhere(body);
  if (!operation.requestBodySchema) return ['body: the operation documents no request body'];
  // Fields public evidence shows GHL takes though the spec omits them (evidence-exceptions.ts).
  const extra = extraBodyFields(operation.operationId);
  const checked =
    extra.length > 0 && body && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([key]) => !extra.includes(key)))
      : body;
  return checkValue(operation.requestBodySchema, checked, 'body', { strict: true });
}

function checkStatus(operation: SpecOperation, status: number): string[] {
  const documented = successStatus(operation);
  if (status < 200 || status > 299 || documented === undefined || status === documented) return [];
  return [`status ${status}, but the documented success status is ${documented}`];
}

/** The problems of one logged call, each starting with the call: "POST /contacts/x/notes: …". */
export function checkTrafficEntry(spec: OpenApiSpec, entry: TrafficEntry): string[] {
  const [pathname = '', search = ''] = entry.path.split('?');
  const call = `${entry.method} ${pathname}`;
  const match = matchOperation(spec, entry.method, pathname);
  if (!match) return [`${call}: no such operation in the spec`];
  const { operation } = match;
  return [
    ...checkQuery(operation, new URLSearchParams(search)),
    ...checkHeaders(operation, entry.headers),
    ...checkBody(operation, entry.body),
    ...checkStatus(operation, entry.status),
  ].map((problem) => `${call}: ${problem}`);
}
