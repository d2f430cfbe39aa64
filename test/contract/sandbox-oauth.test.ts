import { expect, it } from 'vitest';
import { systemClock } from '../../utils/clock';
import { createSandbox } from '../../sandbox/sandbox-handler';
import { SANDBOX_LOCATION, SANDBOX_OAUTH_CLIENT } from '../../sandbox/sandbox-fixtures';
import type { TrafficEntry } from '../../sandbox/traffic-log';
import { operationById, successStatus } from './openapi-spec';
import { GHL_API_BASE } from '../../utils/ghl/api-constants';
import { checkValue } from './schema-check';
import { describeWithSpec, requireSpec } from './spec-suite';
import { checkTrafficEntry } from './traffic-check';

const REDIRECT_URI = 'https://example.chromiumapp.org/cb';

/** The authorization-code flow through the Sandbox, against apps/oauth.json. */
describeWithSpec('Sandbox OAuth', () => {
  it('POST /oauth/token answers a code exchange as GetAccessCodeSuccessfulResponseDto', async () => {
    const traffic: TrafficEntry[] = [];
    const sandbox = createSandbox({ clock: systemClock, onTraffic: (e) => traffic.push(e) });
    const approval = new URLSearchParams({
      client_id: SANDBOX_OAUTH_CLIENT.clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'contacts.readonly contacts.write',
      state: 's1',
      locationId: SANDBOX_LOCATION.id,
    });
    const approved = await sandbox.handle(
      new Request(`${GHL_API_BASE}/v2/oauth/chooselocation/approve?${approval}`),
    );
    expect(approved.status).toBe(302);
    const back = new URL(approved.headers.get('location') ?? '');
    expect(back.searchParams.get('state')).toBe('s1');
    const code = back.searchParams.get('code');
    expect(code).toBeTruthy();

    const form = new URLSearchParams({
      client_id: SANDBOX_OAUTH_CLIENT.clientId,
      client_secret: SANDBOX_OAUTH_CLIENT.clientSecret,
      grant_type: 'authorization_code',
      code: code ?? '',
      redirect_uri: REDIRECT_URI,
      user_type: 'Location',
    });
    const operation = operationById(requireSpec(), 'get-access-token');
    expect(
      checkValue(operation.requestBodySchema ?? {}, Object.fromEntries(form), 'form', {
        strict: true,
      }),
    ).toEqual([]);
    const response = await sandbox.handle(
      new Request(`${GHL_API_BASE}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': operation.requestContentType ?? '' },
        body: form,
      }),
    );
    expect(response.status).toBe(successStatus(operation));
    const schema = operation.responses[String(response.status)];
    expect(schema).toBeDefined();
    expect(checkValue(schema!, await response.json())).toEqual([]);
    expect(traffic.flatMap((entry) => checkTrafficEntry(requireSpec(), entry))).toEqual([]);
  });
});
