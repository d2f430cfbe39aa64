import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { createTrintTabs } from '../trint-tabs';

const { tellAll: tellAllTranscriptTabs } = createTrintTabs(browser);

/** The tabs the browser reports for Trint's URL pattern. */
function trintTabs(tabs: { id?: number; url?: string }[]) {
  // tabs.query also has a callback overload (answering void): the promise one is meant.
  const query = async () => tabs as Browser.tabs.Tab[];
  vi.spyOn(browser.tabs, 'query').mockImplementation(query as typeof browser.tabs.query);
}

describe('tellAllTranscriptTabs', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('tells each editor tab that its own transcript changed, and no other tab', async () => {
    trintTabs([
      { id: 1, url: 'https://app.trint.com/editor/t-1' },
      { id: 2, url: 'https://app.trint.com/editor/t-2?tab=speakers' },
      { id: 3, url: 'https://app.trint.com/trints' },
      { url: 'https://app.trint.com/editor/t-4' },
    ]);
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);

    await tellAllTranscriptTabs(['pending']);
    expect(send.mock.calls).toEqual([
      [1, { type: 'transcript/changed', transcriptId: 't-1', what: ['pending'] }],
      [2, { type: 'transcript/changed', transcriptId: 't-2', what: ['pending'] }],
    ]);
  });

  it('does not fail for a tab whose content script is not there', async () => {
    trintTabs([
      { id: 1, url: 'https://app.trint.com/editor/t-1' },
      { id: 2, url: 'https://app.trint.com/editor/t-2' },
    ]);
    const send = vi
      .spyOn(browser.tabs, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection.'))
      .mockResolvedValue(undefined);

    await expect(tellAllTranscriptTabs(['pending'])).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(2);
  });
});
