import { DEFAULT_MAPPING } from '@/utils/mapping/default-mapping';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectError } from '@/utils/auth/connect-error';
import { NOT_CONNECTED } from '@/utils/auth/connection-status';
import { GhlError } from '@/utils/ghl/ghl-error';
import { TRINT_ORIGIN, TRINT_ORIGINS } from '@/utils/trint/transcript-url';
import { createMessageRouter, type CheckedHandlers } from '../message-router';
import { PROTOCOL, type MessageType } from '@/utils/messaging/protocol';
import type { SenderFacts } from '../sender-role';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const trusted = {
  extensionId: EXTENSION_ID,
  extensionOrigin: EXTENSION_ORIGIN,
  trintOrigins: TRINT_ORIGINS,
};
const TAB = { id: 7 };

const view = {
  clientId: 'c',
  exchange: 'broker' as const,
  brokerUrl: 'https://b.example',
  hasClientSecret: false,
  redirectUri: 'https://x.chromiumapp.org/',
};

/** One well-formed payload per message type. */
const PAYLOADS: { [T in MessageType]: unknown } = {
  'connection/status': {},
  'connection/check': {},
  'connection/connect-token': { token: 'pit-abc', locationId: 'loc1' },
  'connection/replace-token': { token: 'pit-abc' },
  'connection/connect-oauth': { readOnly: false },
  'connection/connect-sandbox': {},
  'connection/disconnect': { wipeCache: true },
  'oauth-app/get': {},
  'oauth-app/save': { clientId: 'c', exchange: 'broker', brokerUrl: 'https://b.example' },
  'transcript/opened': { transcriptId: 'tr-1', title: 'Call', speakers: ['Jane Doe'] },
  'transcript/get': { transcriptId: 'tr-1' },
  'transcript/export': { transcriptId: 'tr-1', format: 'markdown', contactName: 'Jane Doe' },
  'link/set': { transcriptId: 'tr-1', contactId: 'c1' },
  'link/remove': { transcriptId: 'tr-1' },
  'contacts/search': { query: 'Jane', source: 'cache' },
  'contacts/suggest': { transcriptId: 'tr-1', title: 'Call with Acme', speakers: ['Jane Doe'] },
  'contacts/business': { contactId: 'c1' },
  'links/find': { transcriptIds: ['tr-1', 'tr-2'] },
  'sync/status': {},
  'sync/now': {},
  'outbox/enqueue': {
    operation: { kind: 'task.complete', contactId: 'c1', taskId: 't1', completed: true },
  },
  'outbox/list': {},
  'outbox/retry': { id: 'job-1' },
  'outbox/discard': { id: 'job-1' },
  'audit/list': {},
  'mapping/get': {},
  'mapping/save': { mapping: DEFAULT_MAPPING },
  'mapping/preview': { mapping: DEFAULT_MAPPING, fresh: false },
  'mapping/custom-fields': {},
  'names/get': {},
  'dashboard/list': {},
  'settings/save': { settings: { version: 1 } },
  'panel/save-layout': { collapsed: true, width: 400 },
  'panel/save-sections': { contactId: 'c1', collapsed: ['tasks'] },
  'page/reading': { transcriptId: 'tr-1', speakers: 0, report: 'body' },
  'settings/save-log': { content: 'link' },
  'connection/forget-error': {},
};
const TYPES = Object.keys(PROTOCOL) as MessageType[];

let handlers: { [T in MessageType]: ReturnType<typeof vi.fn> };
let route: ReturnType<typeof createMessageRouter>;

beforeEach(() => {
  const answerFor = (type: MessageType) => (type.startsWith('oauth-app/') ? view : NOT_CONNECTED);
  handlers = Object.fromEntries(
    TYPES.map((type) => [type, vi.fn(async () => answerFor(type))]),
  ) as typeof handlers;
  route = createMessageRouter(handlers as unknown as CheckedHandlers, trusted);
});

const SENDERS: [string, SenderFacts, 'extension-page' | 'trint-tab' | undefined][] = [
  [
    'an extension page (popup)',
    { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html` },
    'extension-page',
  ],
  [
    'the options page open in a tab',
    { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/options.html`, tab: TAB },
    'extension-page',
  ],
  [
    'the content script on app.trint.com',
    { id: EXTENSION_ID, url: `${TRINT_ORIGIN}/editor/abc`, tab: TAB },
    'trint-tab',
  ],
  [
    'another extension',
    {
      id: 'ponmlkjihgfedcbaponmlkjihgfedcba',
      url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/bg.js',
    },
    undefined,
  ],
  [
    'another extension claiming our page URL',
    { id: 'other', url: `${EXTENSION_ORIGIN}/popup.html` },
    undefined,
  ],
  ['a web page', { url: 'https://evil.example/', tab: TAB }, undefined],
  [
    'a web page on Trint (externally connectable)',
    { url: `${TRINT_ORIGIN}/editor/abc`, tab: TAB },
    undefined,
  ],
  [
    'our content script on another site',
    { id: EXTENSION_ID, url: 'https://evil.example/', tab: TAB },
    undefined,
  ],
  [
    'our content script on a look-alike host',
    { id: EXTENSION_ID, url: 'https://app.trint.com.evil.example/', tab: TAB },
    undefined,
  ],
  [
    'our content script on Trint over http',
    { id: EXTENSION_ID, url: 'http://app.trint.com/', tab: TAB },
    undefined,
  ],
  [
    'our content script on Trint on another port',
    { id: EXTENSION_ID, url: 'https://app.trint.com:8443/', tab: TAB },
    undefined,
  ],
  ['a Trint URL without a tab', { id: EXTENSION_ID, url: `${TRINT_ORIGIN}/editor/abc` }, undefined],
  ['a sender without a URL', { id: EXTENSION_ID }, undefined],
  ['a sender with an unparsable URL', { id: EXTENSION_ID, url: 'not a url', tab: TAB }, undefined],
];

describe('sender roles × message types', () => {
  const cases = SENDERS.flatMap(([name, sender, role]) =>
    TYPES.map((type) => {
      const allowed =
        role !== undefined && (PROTOCOL[type].from as readonly string[]).includes(role);
      return [name, type, sender, allowed] as const;
    }),
  );

  it('the table covers both outcomes for each role', () => {
    // The content script reads the status and its transcript (and has its export built), finds
    // and links its contact,
    // marks linked transcripts, queues, retries or discards writes (its own: the access rules
    // check) and asks the background to remember the panel's layout: it can never connect,
    // disconnect, sync now, or read the OAuth app or the audit log.
    const fromTab = [
      'connection/status',
      'transcript/opened',
      'transcript/get',
      'transcript/export',
      'link/set',
      'link/remove',
      'contacts/search',
      'contacts/suggest',
      'contacts/business',
      'links/find',
      'sync/status',
      'outbox/enqueue',
      'outbox/list',
      'outbox/retry',
      'outbox/discard',
      'panel/save-layout',
      'panel/save-sections',
      'page/reading',
      'names/get',
    ];
    expect(
      TYPES.filter((t) => (PROTOCOL[t].from as readonly string[]).includes('trint-tab')),
    ).toEqual(fromTab);
    // Only the content script says a transcript was opened in its tab, or asks who it is about,
    // or exports it from its panel, or has a panel whose layout to remember.
    const tabOnly = TYPES.filter(
      (t) => !(PROTOCOL[t].from as readonly string[]).includes('extension-page'),
    );
    expect(tabOnly).toEqual([
      'transcript/opened',
      'transcript/export',
      'contacts/suggest',
      'panel/save-layout',
      'panel/save-sections',
      'page/reading',
    ]);
    expect(cases.filter((c) => c[3]).length).toBe(
      (TYPES.length - tabOnly.length) * 2 + fromTab.length,
    );
  });

  it.each(cases)('%s sending %s', async (_name, type, sender, allowed) => {
    const reply = await route({ type, payload: PAYLOADS[type] }, sender);
    if (allowed) {
      expect(reply).toMatchObject({ ok: true });
      expect(handlers[type]).toHaveBeenCalledTimes(1);
      expect(handlers[type].mock.calls[0]![0]).toEqual(PAYLOADS[type]);
    } else {
      expect(reply).toMatchObject({ ok: false, error: { kind: 'refused' } });
      for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    }
  });

  it('tells the handler which role sent the message', async () => {
    await route({ type: 'connection/status', payload: {} }, SENDERS[2]![1]);
    expect(handlers['connection/status'].mock.calls[0]![1]).toBe('trint-tab');
  });

  it.each([
    // The tab's URL wins: Trint navigates in-page, and the tab's URL follows it.
    [
      'the tab URL',
      { url: `${TRINT_ORIGIN}/editor/old`, tab: { id: 7, url: `${TRINT_ORIGIN}/editor/new` } },
      'new',
    ],
    ['the frame URL when the tab has none', { url: `${TRINT_ORIGIN}/editor/abc`, tab: TAB }, 'abc'],
    ['no transcript on the dashboard', { url: `${TRINT_ORIGIN}/trints`, tab: TAB }, undefined],
  ])('tells the handler which transcript a Trint tab shows, from %s', async (_name, facts, id) => {
    await route(
      { type: 'transcript/get', payload: { transcriptId: 'x' } },
      { id: EXTENSION_ID, ...facts },
    );
    expect(handlers['transcript/get'].mock.calls[0]![2]).toEqual({
      transcriptId: id,
      tabId: 7,
      trintOrigin: TRINT_ORIGIN,
    });
  });

  it('tells the handler which Trint origin the tab is on (Trint EU)', async () => {
    const url = 'https://app.eu.trint.com/editor/eu1';
    await route(
      { type: 'transcript/get', payload: { transcriptId: 'x' } },
      { id: EXTENSION_ID, url, tab: { id: 7, url } },
    );
    expect(handlers['transcript/get'].mock.calls[0]![2]).toEqual({
      transcriptId: 'eu1',
      tabId: 7,
      trintOrigin: 'https://app.eu.trint.com',
    });
  });

  it.each([
    ['an id', { id: 12 }, 12],
    // tabs.TAB_ID_NONE, and a tab object without one: no tab the background showed anything.
    ['TAB_ID_NONE', { id: -1 }, undefined],
    ['no id', {}, undefined],
  ])('tells the handler the Trint tab’s id, from a tab with %s', async (_name, tab, tabId) => {
    await route(
      { type: 'transcript/get', payload: { transcriptId: 'x' } },
      { id: EXTENSION_ID, url: `${TRINT_ORIGIN}/editor/abc`, tab },
    );
    expect(handlers['transcript/get'].mock.calls[0]![2]).toEqual({
      transcriptId: 'abc',
      tabId,
      trintOrigin: TRINT_ORIGIN,
    });
  });

  it('gives an extension page no tab facts', async () => {
    await route({ type: 'transcript/get', payload: { transcriptId: 'x' } }, SENDERS[0]![1]);
    expect(handlers['transcript/get'].mock.calls[0]![2]).toBeUndefined();
  });
});

/** Trint EU's app: its content script is a Trint tab as much as app.trint.com's, nothing near it is. */
const EU_SENDERS: [string, SenderFacts, 'trint-tab' | undefined][] = [
  [
    'the content script on Trint EU',
    { id: EXTENSION_ID, url: 'https://app.eu.trint.com/editor/abc', tab: TAB },
    'trint-tab',
  ],
  ['a web page on Trint EU', { url: 'https://app.eu.trint.com/editor/abc', tab: TAB }, undefined],
  [
    'our content script on an EU look-alike host',
    { id: EXTENSION_ID, url: 'https://app.eu.trint.com.evil.example/', tab: TAB },
    undefined,
  ],
  [
    'our content script on another Trint EU host',
    { id: EXTENSION_ID, url: 'https://eu.trint.com/editor/abc', tab: TAB },
    undefined,
  ],
  [
    'our content script on Trint EU over http',
    { id: EXTENSION_ID, url: 'http://app.eu.trint.com/', tab: TAB },
    undefined,
  ],
  [
    'an EU Trint URL without a tab',
    { id: EXTENSION_ID, url: 'https://app.eu.trint.com/editor/abc' },
    undefined,
  ],
];

describe('Trint EU senders', () => {
  it.each(EU_SENDERS)('%s', async (_name, sender, role) => {
    const reply = await route(
      { type: 'transcript/get', payload: PAYLOADS['transcript/get'] },
      sender,
    );
    if (role) {
      expect(reply).toMatchObject({ ok: true });
      expect(handlers['transcript/get'].mock.calls[0]![1]).toBe(role);
    } else {
      expect(reply).toMatchObject({ ok: false, error: { kind: 'refused' } });
      expect(handlers['transcript/get']).not.toHaveBeenCalled();
    }
  });
});

describe('malformed messages', () => {
  const page = SENDERS[0]![1];
  it.each<[string, unknown]>([
    ['not an object', 'connection/status'],
    ['null', null],
    ['no type', { payload: {} }],
    ['a numeric type', { type: 7, payload: {} }],
    ['an unknown type', { type: 'connection/steal', payload: {} }],
    ['an inherited property as type', { type: 'toString', payload: {} }],
    ['__proto__ as type', JSON.parse('{"type":"__proto__","payload":{}}')],
    ['a missing field', { type: 'connection/connect-token', payload: { token: 'pit-abc' } }],
    ['a wrong field type', { type: 'connection/disconnect', payload: { wipeCache: 'yes' } }],
    ['an empty token', { type: 'connection/replace-token', payload: { token: '' } }],
    [
      'a token over 4096 characters',
      { type: 'connection/replace-token', payload: { token: 'x'.repeat(4097) } },
    ],
    [
      'a location id over 200 characters',
      { type: 'connection/connect-token', payload: { token: 'p', locationId: 'l'.repeat(201) } },
    ],
    [
      'an unknown exchange',
      {
        type: 'oauth-app/save',
        payload: { ...(PAYLOADS['oauth-app/save'] as object), exchange: 'pigeon' },
      },
    ],
    ['a payload that is a string', { type: 'connection/connect-oauth', payload: 'readOnly' }],
  ])('refuses %s as invalid without calling a handler', async (_name, message) => {
    const reply = await route(message, page);
    expect(reply).toEqual({ ok: false, error: { kind: 'invalid', message: expect.any(String) } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('checks the sender before the message: a stranger learns nothing about the protocol', async () => {
    const stranger = SENDERS[5]![1];
    expect(await route({ type: 'connection/steal' }, stranger)).toMatchObject({
      error: { kind: 'refused' },
    });
  });

  it('accepts a missing payload where none is needed', async () => {
    expect(await route({ type: 'connection/status' }, page)).toMatchObject({ ok: true });
  });
});

describe('errors from handlers', () => {
  const page = SENDERS[0]![1];
  const TOKEN = 'pit-0f3c9a1e-5b7d-4e2a-9c11-secretsecret';

  async function replyTo(error: unknown) {
    handlers['connection/replace-token'].mockRejectedValueOnce(error);
    return route({ type: 'connection/replace-token', payload: { token: TOKEN } }, page);
  }

  it.each<[string, unknown, { kind: string; message: string | RegExp }]>([
    [
      'a GhlError',
      new GhlError('forbidden', 'GET /contacts/', {
        status: 403,
        cause: new Error(`request with Authorization: Bearer ${TOKEN}`),
      }),
      { kind: 'forbidden', message: 'This connection has no access to that GHL location.' },
    ],
    [
      'a ConnectError',
      new ConnectError('GHL did not accept this token.'),
      { kind: 'connect', message: 'GHL did not accept this token.' },
    ],
    [
      'an unknown Error holding a token',
      new TypeError(`Cannot read token ${TOKEN} of undefined`),
      { kind: 'internal', message: /^Something went wrong/ },
    ],
    [
      'a thrown string holding a token',
      `failed with ${TOKEN}`,
      { kind: 'internal', message: /^Something went wrong/ },
    ],
  ])('%s becomes a safe message and nothing else', async (_name, error, expected) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await replyTo(error);
    expect(reply).toEqual({
      ok: false,
      error: {
        kind: expected.kind,
        message:
          typeof expected.message === 'string'
            ? expected.message
            : expect.stringMatching(expected.message),
      },
    });
    const text = JSON.stringify(reply);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/\bat .*\.ts|stack|cause/);
    // Not in the background's console either.
    expect(JSON.stringify(logged.mock.calls.map((call) => call.map(String)))).not.toContain(TOKEN);
  });

  it('survives a structured clone: the reply is plain data', async () => {
    const reply = await replyTo(new GhlError('server', 'GET /contacts/'));
    expect(structuredClone(reply)).toEqual(reply);
    expect(Object.getPrototypeOf((reply as { error: object }).error)).toBe(Object.prototype);
  });
});
