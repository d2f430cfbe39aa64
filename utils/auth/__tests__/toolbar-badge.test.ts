import { describe, expect, it } from 'vitest';
import { NOT_CONNECTED, statusOf, type ConnectionFacts } from '../connection-status';
import { toolbarBadge } from '../toolbar-badge';

const facts = (change: Partial<ConnectionFacts>): ConnectionFacts => ({
  kind: 'pit',
  locationId: 'loc1',
  scopes: ['contacts.readonly', 'contacts.write'],
  connectedAt: 0,
  health: { state: 'ok' },
  ...change,
});
const revoked = { state: 'reconnect-needed', reason: 'revoked' } as const;

describe('toolbarBadge', () => {
  it.each([
    ['not connected', NOT_CONNECTED, ''],
    ['connected with a token', statusOf(facts({})), ''],
    [
      'connected with OAuth, read-only',
      statusOf(facts({ kind: 'oauth', scopes: ['contacts.readonly'] })),
      '',
    ],
    ['Sandbox mode', statusOf(facts({ kind: 'sandbox' })), 'SBX'],
    ['reconnect needed', statusOf(facts({ health: revoked })), '!'],
    // Reconnecting matters more than the Sandbox reminder.
    ['Sandbox mode, reconnect needed', statusOf(facts({ kind: 'sandbox', health: revoked })), '!'],
  ])('%s shows %j', (_name, status, text) => {
    const badge = toolbarBadge(status);
    expect(badge.text).toBe(text);
    expect(badge.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(badge.title).toMatch(/^GHL for Trint/);
  });

  it('says what the badge means in the title', () => {
    expect(toolbarBadge(statusOf(facts({ health: revoked }))).title).toMatch(/reconnect needed/);
    expect(toolbarBadge(statusOf(facts({ kind: 'sandbox' }))).title).toMatch(/Sandbox/);
    expect(toolbarBadge(NOT_CONNECTED).title).toBe('GHL for Trint');
  });

  it('uses a different colour for each badge', () => {
    const colours = [
      toolbarBadge(statusOf(facts({ health: revoked }))).color,
      toolbarBadge(statusOf(facts({ kind: 'sandbox' }))).color,
    ];
    expect(new Set(colours).size).toBe(2);
  });
});
