import { describe, expect, it } from 'vitest';
import { tokenResponseSchema } from '../../utils/ghl/schemas/oauth-schemas';
import { GHL_API_BASE } from '../../utils/ghl/api-constants';
import { createTokenBroker } from '../token-broker';
import {
  approveInSandbox,
  brokerUnderTest,
  CLIENT_ID,
  CLIENT_SECRET,
  expectNoSecret,
  FORM,
  ORIGIN,
  REDIRECT_URI,
} from './broker-harness';

describe('grants through the broker', () => {
  it('trades an authorization code for tokens, adding the secret only on the way to GHL', async () => {
    const { sandbox, exchange, forwarded } = brokerUnderTest();
    const code = await approveInSandbox(sandbox);
    const answer = await exchange(code);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(answer.headers.get('vary')).toBe('Origin');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const tokens = tokenResponseSchema.parse(answer.json);
    expect(tokens.access_token).toMatch(/^sbx-at-/);
    expect(forwarded).toEqual([
      {
        url: `${GHL_API_BASE}/oauth/token`,
        contentType: FORM,
        fields: {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          user_type: 'Location',
        },
      },
    ]);
  });

  it('refreshes into a new pair, and GHL then refuses the spent refresh token', async () => {
    const { sandbox, exchange, refresh } = brokerUnderTest();
    const first = tokenResponseSchema.parse((await exchange(await approveInSandbox(sandbox))).json);

    const renewed = await refresh(first.refresh_token);
    expect(renewed.status).toBe(200);
    const second = tokenResponseSchema.parse(renewed.json);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);

    // The Sandbox rotates refresh tokens; its refusal (400, as real GHL's, #249) comes back as
    // GHL sent it.
    const replay = await refresh(first.refresh_token);
    expect(replay.status).toBe(400);
    expect(replay.json).toMatchObject({
      statusCode: 400,
      message: 'Invalid grant: refresh token was already used; the grant is revoked',
    });
    expect(replay.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('passes GHL answers through byte for byte (a code spent twice)', async () => {
    const { sandbox, exchange, upstreamAnswers } = brokerUnderTest();
    const code = await approveInSandbox(sandbox);
    const first = await exchange(code);
    const again = await exchange(code);
    expect(again.status).toBe(401);
    expect(again.json).toMatchObject({ message: 'Invalid grant: authorization code is reused' });
    expect(upstreamAnswers).toEqual([
      { status: first.status, text: first.text },
      { status: again.status, text: again.text },
    ]);
  });
});

describe('the client secret never leaves the broker', () => {
  it('scrubs the secret from an answer that echoes it, in any encoding', async () => {
    const echoes = [
      CLIENT_SECRET,
      encodeURIComponent(CLIENT_SECRET),
      JSON.stringify(CLIENT_SECRET).slice(1, -1),
    ];
    const echo: typeof fetch = async () =>
      new Response(JSON.stringify({ statusCode: 422, message: echoes.map((e) => `bad ${e}`) }), {
        status: 422,
        headers: { 'content-type': 'application/json' },
      });
    const { send } = brokerUnderTest({ fetch: echo });
    const answer = await send({
      body: { client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'rt' },
    });
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({ statusCode: 422, message: ['bad ***', 'bad ***', 'bad ***'] });
  });

  it('answers 502 with a plain message when GHL cannot be reached, the error dropped', async () => {
    const { sandbox, refresh, traffic } = brokerUnderTest();
    sandbox.state.faults.arm({ dropNext: { count: 1 } });
    const answer = await refresh('sbx-rt-whatever');
    expect(answer.status).toBe(502);
    expect(answer.json).toEqual({
      statusCode: 502,
      message: 'GHL token endpoint could not be reached',
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(traffic).toHaveLength(1); // it did reach the Sandbox, which dropped it
  });

  it('keeps a fetch error that quotes the request out of its answer', async () => {
    const leaky: typeof fetch = async (_input, init) => {
      throw new TypeError(`fetch failed: ${String(init?.body)}`);
    };
    const broker = createTokenBroker({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      allowedOrigins: [ORIGIN],
      fetch: leaky,
    });
    const response = await broker.handle(
      new Request('https://broker.example.com/oauth/token', {
        method: 'POST',
        headers: { Origin: ORIGIN, 'Content-Type': FORM },
        body: `client_id=${CLIENT_ID}&grant_type=refresh_token&refresh_token=sbx-rt-secret`,
      }),
    );
    const text = await response.text();
    expect(response.status).toBe(502);
    expectNoSecret(response.headers, text);
    expect(text).not.toContain('sbx-rt-secret');
  });

  it('answers 502 when GHL takes longer than the timeout', async () => {
    const { sandbox, refresh } = brokerUnderTest({ timeoutMs: 50 });
    sandbox.state.faults.arm({ latencyMs: 5_000 });
    const started = Date.now();
    const answer = await refresh('sbx-rt-whatever');
    expect(answer.status).toBe(502);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
