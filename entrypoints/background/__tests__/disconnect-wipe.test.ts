import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundUnderTest, JANE } from './sync-wiring-harness';
import { PAGE } from './jane-linked';

describe('Disconnect and delete data', () => {
  beforeEach(() => fakeBrowser.reset());

  it('deletes the cache even when the Sandbox cannot be loaded to reset it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const h = backgroundUnderTest({ sandboxFailsToLoad: true });
    await h.connect();
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    expect(await (await h.db.get()).count('links')).toBe(1);

    const status = await h.run(h.handlers['connection/disconnect']({ wipeCache: true }, PAGE));

    expect(status.state).toBe('not-connected');
    expect(await (await h.db.get()).count('links')).toBe(0);
    expect(warn).toHaveBeenCalledWith(
      'GHL for Trint: the Sandbox could not be reset:',
      'sandbox-ghl.js could not be loaded',
    );
  });
});
