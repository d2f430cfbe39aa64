import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ConnectError } from '@/utils/auth/connect-error';
import { GhlError } from '@/utils/ghl/ghl-error';
import { backgroundUnderTest, JANE, LOCATION } from './sync-wiring-harness';
import { janeLinked, PAGE } from './jane-linked';

describe('link message handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('link/set fetches the contact first: the view has its fields and a linked line', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    const view = await h.run(
      h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE),
    );

    expect(h.count('GET /contacts/:contactId')).toBe(1);
    expect(view.link).toMatchObject({ contactId: JANE, locationId: LOCATION });
    expect(view.fields).toMatchObject({ 'Speaker name': 'Jane Doe' });
    expect(view.activity.map((a) => a.text)).toEqual(['Transcript linked — Jane Doe, 26 Nov 2026']);
    const ghl = await h.inGhl(JANE);
    expect(view.tasks).toHaveLength(ghl.tasks.length);
    expect(h.told).toContainEqual({ transcriptId: 't-1', contactId: JANE, what: ['link'] });
  });

  it('link/set to a contact GHL does not have refuses with not-found and links nothing', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    const refused = await h
      .run(h.handlers['link/set']({ transcriptId: 't-1', contactId: 'noSuchContact0000001' }, PAGE))
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(GhlError);
    expect(refused).toMatchObject({ kind: 'not-found' });
    expect(await (await h.db.get()).get('links', 't-1')).toBeUndefined();
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(view.link).toBeUndefined();
    expect(view.activity).toEqual([]);
    expect(h.tell).not.toHaveBeenCalled();
  });

  it('link/set when not connected refuses with a ConnectError, asking GHL nothing', async () => {
    const h = backgroundUnderTest();
    const refused = await h
      .run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE))
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ConnectError);
    expect((refused as Error).message).toMatch(/Connect GHL first/);
    expect(h.sandbox.state.counters.total).toBe(0);
    expect(await (await h.db.get()).get('links', 't-1')).toBeUndefined();
  });

  it('link/remove unlinks, says so on the timeline and tells the panel which contact it was', async () => {
    const h = await janeLinked();
    const view = await h.run(h.handlers['link/remove']({ transcriptId: 't-1' }, PAGE));

    expect(view.link).toBeUndefined();
    expect(view.activity.map((a) => a.text)[0]).toBe('Transcript unlinked — Jane Doe, 26 Nov 2026');
    expect(await h.transcripts.linkedTranscripts(JANE)).toEqual([]);
    expect(h.told).toEqual([{ transcriptId: 't-1', contactId: JANE, what: ['link'] }]);
  });
});
