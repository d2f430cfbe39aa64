// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { STALE_TEXT_MS } from '@/utils/trint/transcript-page-watcher';
import { createPageReadingReporter } from '../page-reading';

vi.mock('@/utils/messaging/send-trint-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-trint-message')>()),
  sendTrintMessage: vi.fn(),
}));
const send = vi.mocked(sendTrintMessage);

const page = (over: Partial<EditorPage> = {}): EditorPage => ({
  transcriptId: 'tr-1',
  title: 'Board meeting',
  titleRule: '.TopbarTitleText',
  speakers: ['Jane Doe', 'Sam Lee'],
  speakersRule: '.Speaker',
  ...over,
});

describe('createPageReadingReporter', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    send.mockReset();
    send.mockResolvedValue({} as never);
    controller = new AbortController();
    document.body.innerHTML = '<div class="TopbarTitleText">Board meeting</div>';
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('sends what the page yielded once it settled, the last result only, with no text', async () => {
    const report = createPageReadingReporter(document, controller.signal);
    // Right after the URL moved, the title is not there yet: not a miss to report.
    report(page({ title: undefined, titleRule: undefined }));
    await vi.advanceTimersByTimeAsync(STALE_TEXT_MS / 2);
    report(page());
    await vi.advanceTimersByTimeAsync(STALE_TEXT_MS);
    expect(send.mock.calls).toEqual([
      [
        'page/reading',
        {
          transcriptId: 'tr-1',
          titleRule: '.TopbarTitleText',
          speakersRule: '.Speaker',
          speakers: 2,
          report: 'body\n div.TopbarTitleText',
        },
      ],
    ]);
  });

  it('does not send the same result again, and sends nothing once invalidated', async () => {
    const report = createPageReadingReporter(document, controller.signal);
    report(page());
    await vi.advanceTimersByTimeAsync(STALE_TEXT_MS);
    report(page({ title: 'Board meeting (edited)' }));
    await vi.advanceTimersByTimeAsync(STALE_TEXT_MS);
    expect(send).toHaveBeenCalledTimes(1);
    report(page({ transcriptId: 'tr-2' }));
    controller.abort();
    await vi.advanceTimersByTimeAsync(STALE_TEXT_MS);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
