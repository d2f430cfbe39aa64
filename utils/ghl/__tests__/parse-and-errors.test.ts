import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { errorFromResponse, parseRetryAfter } from '../error-from-response';
import { GhlError } from '../ghl-error';
import { parseResponseBody } from '../parse-response';
import { getContactResponse } from '../schemas/contact-schemas';
import { taskListResponse } from '../schemas/task-schemas';

const ENDPOINT = 'GET /contacts/:contactId';

function parseFailure(text: string, schema = getContactResponse): GhlError {
  try {
    parseResponseBody(ENDPOINT, schema, text);
  } catch (error) {
    if (error instanceof GhlError) return error;
    throw error;
  }
  throw new Error('parsed, but should not have');
}

describe('answers that do not parse', () => {
  it.each([
    ['not JSON', '{"contact": {"id": ', /not JSON/],
    ['an empty body', '', /not JSON/],
    ['a missing object', '{}', /field contact:/],
    ['a missing id', '{"contact": {"firstName": "Sam"}}', /field contact\.id:/],
    ['a wrong type', '{"contact": {"id": "c1", "tags": "vip"}}', /field contact\.tags:/],
    [
      'a number for a name',
      '{"contact": {"id": "c1", "firstName": 7}}',
      /field contact\.firstName:/,
    ],
  ])('%s → bad-response naming endpoint and field', (_name, text, field) => {
    const error = parseFailure(text);
    expect(error.kind).toBe('bad-response');
    expect(error.message).toContain(ENDPOINT);
    expect(error.message).toMatch(field);
  });

  // A list is read record by record (issue 19, see tolerant-list.test.ts): only an answer that is
  // not a list at all still fails, naming the field.
  it('names the list when the answer holds no list there', () => {
    const error = parseFailure('{"tasks": {"id": "t1"}}', taskListResponse as never);
    expect(error.message).toMatch(/field tasks:/);
  });

  it('keeps fields GHL sends but does not document, and accepts null for empty ones', () => {
    const parsed = parseResponseBody(
      ENDPOINT,
      getContactResponse,
      '{"contact": {"id": "c1", "email": null, "brandNewField": {"x": 1}}}',
    );
    expect(parsed.contact).toMatchObject({ id: 'c1', email: null, brandNewField: { x: 1 } });
  });

  it('a wrong shape from the Sandbox reaches the caller as a typed error, not a crash', async () => {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const { client } = sandboxClient(sandbox, {
      clock: fake.clock,
      fetch: async () =>
        new Response('{"tasks": "none"}', { headers: { 'content-type': 'application/json' } }),
    });
    await expect(fake.run(client.tasks.list('c1'))).rejects.toMatchObject({
      kind: 'bad-response',
      message: expect.stringContaining('GET /contacts/:contactId/tasks'),
    });
  });
});

describe('error answers', () => {
  const body = (message: string | string[]) => JSON.stringify({ statusCode: 0, message });
  it.each([
    [401, body('Invalid token: access token is invalid'), 'unauthorized'],
    [401, body('The token is not authorized for this scope.'), 'missing-scope'],
    [403, body('The token does not have access to this location.'), 'forbidden'],
    [404, body('Contact not found'), 'not-found'],
    [400, body('Contact with id x not found'), 'not-found'],
    [400, body('Bad Request'), 'validation'],
    [422, body(['property x should not exist']), 'validation'],
    [429, body('Too many requests'), 'rate-limited'],
    [500, 'upstream exploded', 'server'],
    [503, '', 'server'],
  ] as const)('%i %s → %s', (status, text, kind) => {
    expect(errorFromResponse(ENDPOINT, status, text).kind).toBe(kind);
  });

  it('keeps GHL messages, a list or one', () => {
    expect(errorFromResponse(ENDPOINT, 422, body(['a', 'b'])).ghlMessages).toEqual(['a', 'b']);
    expect(errorFromResponse(ENDPOINT, 401, body('nope')).message).toContain('nope');
  });

  it('reads Retry-After as seconds or a date', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
