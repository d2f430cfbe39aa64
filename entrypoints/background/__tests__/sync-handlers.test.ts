import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { JANE, SAM } from './sync-wiring-harness';
import { janeLinked, MINUTE, PAGE } from './jane-linked';

describe('sync message handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sync/now runs the due contacts and answers the status of that run', async () => {
    const h = await janeLinked();
    await h.run(h.handlers['link/set']({ transcriptId: 't-2', contactId: SAM }, PAGE));
    await h.control('PATCH', `contacts/${JANE}`, { phone: '+15550000000' });
    await h.fake.advance(61 * MINUTE);
    const start = h.fake.now();

    const status = await h.run(h.handlers['sync/now']({}, PAGE));
    expect(status).toMatchObject({
      running: false,
      lastRun: { outcome: 'ok', contactsChecked: 2, changes: 1, errors: 0 },
      outbox: { pending: 0, waiting: 0, failed: 0 },
    });
    expect(status.lastRun!.startedAt).toBe(start);
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(view.fields).toMatchObject({ Phone: '+15550000000' });
    expect(await h.run(h.handlers['sync/status']({}, PAGE))).toEqual(status);
  });
});
