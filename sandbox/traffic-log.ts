/**
 * One line of the Sandbox's traffic log (GHL_SANDBOX_LOG): what was asked and answered, with
 * every secret replaced by "***", so tests can check the extension's traffic against the OpenAPI
 * files and the log can be shared.
 */
export interface TrafficEntry {
  method: string;
  /** Path with its query string. */
  path: string;
  /** Request headers, lower-case names; authorization shown as "Bearer ***". */
  headers: Record<string, string>;
  /** Parsed JSON body; for /oauth/token the form string with secrets masked. */
  body: unknown;
  status: number;
  /** Parsed JSON answer (the raw text if it was not JSON); tokens masked. */
  response: unknown;
}

const SECRET_FORM_FIELDS = [
  'client_secret',
  'code',
  'refresh_token',
  'access_token',
  'code_verifier',
];
const SECRET_ANSWER_FIELDS = ['access_token', 'refresh_token'];

/** Builds a log entry from the raw exchange, masking credentials. */
export function trafficEntry(exchange: {
  method: string;
  url: URL;
  headers: Headers;
  bodyText: string;
  status: number;
  responseText: string;
}): TrafficEntry {
  const isTokenCall = exchange.url.pathname.startsWith('/oauth/token');
  const headers: Record<string, string> = {};
  exchange.headers.forEach((value, name) => {
    headers[name.toLowerCase()] =
      name.toLowerCase() === 'authorization' ? maskBearer(value) : value;
  });
  return {
    method: exchange.method,
    path: exchange.url.pathname + exchange.url.search,
    headers,
    body: isTokenCall ? maskTokenBody(exchange.bodyText) : parseJson(exchange.bodyText),
    status: exchange.status,
    response: maskAnswer(parseJson(exchange.responseText)),
  };
}

function maskBearer(value: string): string {
  return /^Bearer\s/i.test(value) ? 'Bearer ***' : '***';
}

/** Masks the token call's body: a form, as documented, or JSON if a caller sent that. */
function maskTokenBody(text: string): unknown {
  const json = parseJson(text);
  if (json && typeof json === 'object' && !Array.isArray(json))
    return maskFields(json, SECRET_FORM_FIELDS);
  const form = new URLSearchParams(text);
  for (const field of SECRET_FORM_FIELDS) if (form.has(field)) form.set(field, '***');
  return form.toString().replace(/%2A%2A%2A/g, '***');
}

function maskAnswer(answer: unknown): unknown {
  if (typeof answer === 'string') return maskSecretsInText(answer);
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return answer;
  return maskFields(answer, SECRET_ANSWER_FIELDS);
}

/** An answer that is not JSON (cut off, say) may still hold tokens: mask them in the text. */
function maskSecretsInText(text: string): string {
  return text.replace(/"(access_token|refresh_token)"\s*:\s*"[^"]*"?/g, '"$1":"***"');
}

function maskFields(record: object, fields: string[]): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const field of fields) if (field in masked) masked[field] = '***';
  return masked;
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
