import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PAGE_READINGS_KEPT, pageReadingsItem } from '@/utils/storage/page-readings-item';
import { createFakeClock } from '@/test/support/fake-clock';
import { createPageReadingHandlers } from '../page-reading-handlers';

describe('page/reading', () => {
  const clock = createFakeClock(Date.UTC(2026, 11, 7, 19, 0));
  const handlers = createPageReadingHandlers({ clock: clock.clock });
  const send = (transcriptId: string, titleRule?: string, speakersRule?: string, speakers = 2) =>
    handlers['page/reading'](
      { transcriptId, titleRule, speakersRule, speakers, report: 'body\n div.AppShell' },
      'trint-tab',
    );
  beforeEach(() => fakeBrowser.reset());

  it('keeps which rule found the title and speakers, when, and the report, newest first', async () => {
    await send('tr-1', '.TopbarTitleText', '.Speaker');
    await clock.advance(60_000);
    await send('tr-2', undefined, undefined, 0);
    const { readings } = await pageReadingsItem.read();
    expect(readings).toEqual([
      { at: clock.now(), transcriptId: 'tr-2', speakers: 0, report: 'body\n div.AppShell' },
      {
        at: clock.now() - 60_000,
        transcriptId: 'tr-1',
        titleRule: '.TopbarTitleText',
        speakersRule: '.Speaker',
        speakers: 2,
        report: 'body\n div.AppShell',
      },
    ]);
    // In storage.session, which content scripts can neither read nor write.
    expect(pageReadingsItem.area).toBe('session');
  });

  it('keeps a rule it does not know as none: the options page shows only our own words', async () => {
    await send('tr-1', 'Reconnect at https://evil.example', '<b>x</b>');
    const [reading] = (await pageReadingsItem.read()).readings;
    expect(reading?.titleRule).toBeUndefined();
    expect(reading?.speakersRule).toBeUndefined();
  });

  it('keeps the last pages only, one per transcript', async () => {
    for (let i = 0; i < PAGE_READINGS_KEPT + 3; i++) await send(`tr-${i}`, 'h1');
    await send('tr-7', 'document.title');
    const { readings } = await pageReadingsItem.read();
    expect(readings.map((r) => [r.transcriptId, r.titleRule])).toEqual([
      ['tr-7', 'document.title'],
      ['tr-6', 'h1'],
      ['tr-5', 'h1'],
      ['tr-4', 'h1'],
      ['tr-3', 'h1'],
    ]);
  });
});
