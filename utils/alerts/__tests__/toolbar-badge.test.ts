import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NOT_CONNECTED, statusOf, type ConnectionFacts } from '../../auth/connection-status';
import { badgeFor, updateBadge } from '../toolbar-badge';

const facts = (change: Partial<ConnectionFacts>): ConnectionFacts => ({
  kind: 'pit',
  locationId: 'loc1',
  scopes: ['contacts.readonly', 'contacts.write'],
  connectedAt: 0,
  health: { state: 'ok' },
  ...change,
});
const revoked = { state: 'reconnect-needed', reason: 'revoked' } as const;
const connected = statusOf(facts({}));
const sandbox = statusOf(facts({ kind: 'sandbox' }));
const broken = statusOf(facts({ health: revoked }));

describe('badgeFor', () => {
  it.each([
    ['not connected', NOT_CONNECTED, 0, '', /^GHL for Trint$/],
    ['connected with a token', connected, 0, '', /^GHL for Trint$/],
    [
      'connected with OAuth, read-only',
      statusOf(facts({ kind: 'oauth', scopes: ['contacts.readonly'] })),
      0,
      '',
      /^GHL for Trint$/,
    ],
    ['Sandbox mode', sandbox, 0, 'SBX', /Sandbox mode/],
    ['reconnect needed', broken, 0, '!', /reconnect needed$/],
    // Reconnecting matters more than the Sandbox reminder or failed writes.
    [
      'Sandbox mode, reconnect needed',
      statusOf(facts({ kind: 'sandbox', health: revoked })),
      0,
      '!',
      /reconnect needed \(Sandbox\)/,
    ],
    ['reconnect needed with failed writes', broken, 3, '!', /reconnect needed/],
    ['one failed write', connected, 1, '1', /1 change could not be sent to GHL\./],
    ['failed writes', connected, 12, '12', /12 changes could not be sent/],
    ['failed writes in Sandbox', sandbox, 2, '2', /2 changes could not be sent to GHL \(Sandbox\)/],
    ['failed writes, not connected', NOT_CONNECTED, 2, '2', /2 changes could not be sent/],
    ['more failed writes than fit', connected, 150, '99+', /150 changes/],
  ])('%s shows %j', (_name, connection, failedJobs, text, title) => {
    const badge = badgeFor({ connection, failedJobs });
    expect(badge.text).toBe(text);
    expect(badge.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(badge.title).toMatch(/^GHL for Trint/);
    expect(badge.title).toMatch(title);
  });

  it('colours alerts red and the Sandbox reminder differently', () => {
    const red = badgeFor({ connection: broken, failedJobs: 0 }).color;
    expect(badgeFor({ connection: connected, failedJobs: 2 }).color).toBe(red);
    expect(badgeFor({ connection: sandbox, failedJobs: 0 }).color).not.toBe(red);
  });
});

describe('updateBadge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    for (const name of ['setBadgeText', 'setBadgeBackgroundColor', 'setTitle'] as const) {
      vi.spyOn(browser.action, name).mockResolvedValue(undefined);
    }
  });

  it('sets text, colour and tooltip on the toolbar button', async () => {
    await updateBadge(connected, 4);
    const badge = badgeFor({ connection: connected, failedJobs: 4 });
    expect(browser.action.setBadgeText).toHaveBeenCalledWith({ text: '4' });
    expect(browser.action.setBadgeBackgroundColor).toHaveBeenCalledWith({ color: badge.color });
    expect(browser.action.setTitle).toHaveBeenCalledWith({ title: badge.title });
  });
});
