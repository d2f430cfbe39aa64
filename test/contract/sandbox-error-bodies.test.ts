import { expect, it } from 'vitest';
import { systemClock } from '../../utils/clock';
import { GHL_API_VERSION } from '../../utils/ghl/api-constants';
import { createSandbox } from '../../sandbox/sandbox-handler';
import { SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import { operationById } from './openapi-spec';
import { callSandbox, SAM } from './sandbox-requests';
import { checkValue } from './schema-check';
import { describeWithSpec, requireSpec } from './spec-suite';

/**
 * The Sandbox's error answers against common/common-schemas.json, each through an operation that
 * documents that status with that schema.
 */
describeWithSpec('Sandbox error bodies', () => {
  const sandbox = () => createSandbox({ clock: systemClock });

  /** The operation's documented schema for a status must be the named common DTO. */
  function errorSchema(operationId: string, status: number, dto: string) {
    const spec = requireSpec();
    const schema = spec.schemas[dto];
    expect(schema, dto).toBeDefined();
    expect(operationById(spec, operationId).responses[String(status)]).toBe(schema);
    return schema!;
  }

  it('401 without a token is an UnauthorizedDTO', async () => {
    const answer = await callSandbox(sandbox(), 'GET', `/contacts/${SAM}`, undefined, {
      Version: GHL_API_VERSION,
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ statusCode: 401, message: expect.any(String) });
    expect(checkValue(errorSchema('get-contact', 401, 'UnauthorizedDTO'), answer.body)).toEqual([]);
  });

  it('422 for an unknown body property is an UnprocessableDTO naming the property', async () => {
    const answer = await callSandbox(sandbox(), 'POST', `/contacts/${SAM}/notes`, {
      body: 'x',
      bogus: 1,
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      statusCode: 422,
      message: expect.arrayContaining(['property bogus should not exist']),
    });
    expect(checkValue(errorSchema('create-note', 422, 'UnprocessableDTO'), answer.body)).toEqual(
      [],
    );
  });

  it('400 without the Version header is a BadRequestDTO', async () => {
    const answer = await callSandbox(sandbox(), 'GET', `/contacts/${SAM}`, undefined, {
      Authorization: `Bearer ${SANDBOX_TOKENS.readWrite}`,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
    expect(checkValue(errorSchema('get-contact', 400, 'BadRequestDTO'), answer.body)).toEqual([]);
  });
});
