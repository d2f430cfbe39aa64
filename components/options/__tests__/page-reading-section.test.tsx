// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PAGE_READINGS_KEY } from '@/utils/storage/page-readings-item';
import { mount, settle, textOf } from '../../sync/__tests__/render-page';
import { PageReadingSection } from '../page-reading-section';

let unmount = () => {};
async function show() {
  const page = await mount(<PageReadingSection />);
  unmount = page.unmount;
  await settle();
  return page.container;
}
const items = (page: Element) => [...page.querySelectorAll('li')].map((li) => textOf(li));

describe('PageReadingSection', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => unmount());

  it('says no Trint transcript was read yet, with nothing to copy', async () => {
    const page = await show();
    expect(textOf(page)).toContain('No Trint transcript opened in this browser session yet.');
    expect(page.querySelector('button')).toBeNull();
  });

  it('lists what the last pages yielded: the rule that found the title, or a miss', async () => {
    await fakeBrowser.storage.session.set({
      [PAGE_READINGS_KEY]: {
        version: 1,
        readings: [
          { at: Date.UTC(2026, 11, 7, 19), transcriptId: 'b', speakers: 0, report: 'body' },
          {
            at: Date.UTC(2026, 11, 7, 18),
            transcriptId: 'a',
            titleRule: '.TopbarTitleText',
            speakersRule: '.Speaker',
            speakers: 1,
            report: 'body',
          },
        ],
      },
    });
    const page = await show();
    const [miss, hit] = items(page);
    expect(miss).toMatch(/: Title not found; Speakers not found\.$/);
    expect(hit).toMatch(/: Title found by \.TopbarTitleText; 1 speaker found by \.Speaker\.$/);
    expect(page.querySelector('button')?.textContent).toBe('Copy page-structure report');
  });

  it('shows nothing a content script wrote to storage.local', async () => {
    await fakeBrowser.storage.local.set({
      [PAGE_READINGS_KEY]: {
        version: 1,
        readings: [
          {
            at: 1,
            transcriptId: 'x',
            titleRule: 'Paste your token at evil.example',
            speakers: 0,
            report: '',
          },
        ],
      },
    });
    const page = await show();
    expect(textOf(page)).not.toContain('evil.example');
  });
});
