import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundUnderTest, JANE, LOCATION } from './sync-wiring-harness';
import { janeLinked, PAGE } from './jane-linked';
import { FRESH_ENOUGH_MS } from '../refresh-gate';

describe('transcript message handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('transcript/opened marks it viewed and answers from the cache without waiting for GHL', async () => {
    const h = await janeLinked();
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });
    const release = h.hold();
    const before = h.count('GET /contacts/:contactId');
    await h.fake.advance(5_000);

    const shown = await h.run(
      h.handlers['transcript/opened']({ transcriptId: 't-1', title: 'Kick-off call' }, PAGE),
    );
    expect(shown).toMatchObject({ transcriptId: 't-1', title: 'Kick-off call' });
    expect(shown.link).toMatchObject({ contactId: JANE });
    // The old email: GHL has not answered yet.
    expect(shown.contact).not.toMatchObject({ email: 'jane@new.example' });
    expect(h.count('GET /contacts/:contactId')).toBe(before);
    const record = await (await h.db.get()).get('transcripts', 't-1');
    expect(record).toMatchObject({ title: 'Kick-off call', lastViewedAt: h.fake.now() });

    // Then GHL answers: the refresh stores the change and tells the panel.
    const told = h.nextTell();
    release();
    await h.run(told);
    expect(h.count('GET /contacts/:contactId')).toBe(before + 1);
    expect(h.told).toContainEqual(
      expect.objectContaining({ transcriptId: 't-1', contactId: JANE }),
    );
    const after = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(after.contact).toMatchObject({ email: 'jane@new.example' });
    expect(after.fields).toMatchObject({ Email: 'jane@new.example' });
  });

  it('transcript/opened again by the same panel (the title rendered late) records it without asking GHL', async () => {
    const h = await janeLinked();
    await h.run(h.handlers['transcript/opened']({ transcriptId: 't-1' }, PAGE));
    await h.fake.advance(5_000);
    const afterFirst = h.count('GET /contacts/:contactId');
    await h.run(
      h.handlers['transcript/opened']({ transcriptId: 't-1', title: 'Call', again: true }, PAGE),
    );
    await h.fake.advance(5_000);
    expect(h.count('GET /contacts/:contactId')).toBe(afterFirst);
    expect((await (await h.db.get()).get('transcripts', 't-1'))?.title).toBe('Call');
  });

  it('transcript/opened remembers the Trint host of the tab that sent it (Trint EU)', async () => {
    const h = await janeLinked();
    const record = async () => (await h.db.get()).get('transcripts', 't-1');
    await h.run(h.handlers['transcript/opened']({ transcriptId: 't-1' }, PAGE));
    expect((await record())?.trintOrigin).toBeUndefined();
    const tab = { transcriptId: 't-1', tabId: 3, trintOrigin: 'https://app.eu.trint.com' } as const;
    await h.run(h.handlers['transcript/opened']({ transcriptId: 't-1' }, 'trint-tab', tab));
    expect((await record())?.trintOrigin).toBe('https://app.eu.trint.com');
  });

  it('transcript/opened seconds after the contact synced asks GHL nothing; later it refreshes (issue 18)', async () => {
    const h = await janeLinked();
    const before = h.count('GET /contacts/:contactId');
    const tab = { transcriptId: 't-1', tabId: 3 } as const;
    await h.fake.advance(FRESH_ENOUGH_MS - 1_000);
    for (let i = 0; i < 5; i += 1) {
      await h.run(h.handlers['transcript/opened']({ transcriptId: 't-1' }, 'trint-tab', tab));
    }
    await h.fake.advance(100);
    expect(h.count('GET /contacts/:contactId')).toBe(before);
    await h.fake.advance(1_000);
    await h.run(h.handlers['transcript/opened']({ transcriptId: 't-1' }, 'trint-tab', tab));
    await h.fake.advance(5_000);
    expect(h.count('GET /contacts/:contactId')).toBe(before + 1);
  });

  it('transcript/opened on an unlinked transcript asks GHL nothing', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    const before = h.sandbox.state.counters.total;
    const shown = await h.run(h.handlers['transcript/opened']({ transcriptId: 't-9' }, PAGE));
    expect(shown).toMatchObject({ transcriptId: 't-9', tasks: [], activity: [], pending: [] });
    expect(shown.link).toBeUndefined();
    await h.fake.advance(5_000);
    expect(h.sandbox.state.counters.total).toBe(before);
  });

  it('transcript/export builds the file from the cache, linked on the asking tab’s Trint host, asking GHL nothing', async () => {
    const h = await janeLinked();
    await h.fake.advance(5_000);
    const before = h.sandbox.state.counters.total;
    const tab = { transcriptId: 't-1', tabId: 3, trintOrigin: 'https://app.eu.trint.com' } as const;
    const ask = (format: 'markdown' | 'json') =>
      h.run(
        h.handlers['transcript/export'](
          { transcriptId: 't-1', format, contactName: 'Jane <b>D</b>', title: 'Call: Jane' },
          'trint-tab',
          tab,
        ),
      );

    const markdown = await ask('markdown');
    expect(markdown.name).toBe('Call-Jane.md');
    expect(markdown.text).toMatch(/^# Call: Jane\n/);
    expect(markdown.text).toContain('- Transcript: <https://app.eu.trint.com/editor/t-1>');
    // The name the panel gave is text in the file, escaped.
    expect(markdown.text).toContain('- Contact: Jane \\<b\\>D\\</b\\>');
    expect(markdown.text).toContain(`- Contact id: ${JANE}`);

    const json = await ask('json');
    expect(json.name).toBe('Call-Jane.json');
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(JSON.parse(json.text)).toMatchObject({
      format: 'ghl-for-trint/transcript',
      version: 1,
      exportedAt: new Date(h.fake.now()).toISOString(),
      transcript: { id: 't-1', title: 'Call: Jane', url: 'https://app.eu.trint.com/editor/t-1' },
      contact: { id: JANE, name: 'Jane <b>D</b>' },
      fields: view.mapped!.map(({ label, text }) => ({ label, text })),
    });
    expect(view.mapped!.length).toBeGreaterThan(0);
    expect(h.sandbox.state.counters.total).toBe(before);
  });

  it('transcript/export names the file after the record’s title when it has one, and refuses an unlinked transcript', async () => {
    const h = await janeLinked();
    await h.run(h.handlers['transcript/opened']({ transcriptId: 't-1', title: 'Kick-off' }, PAGE));
    const file = await h.run(
      h.handlers['transcript/export'](
        { transcriptId: 't-1', format: 'markdown', contactName: 'Jane', title: 'Page' },
        'trint-tab',
        { transcriptId: 't-1' },
      ),
    );
    expect(file.name).toBe('Kick-off.md');
    expect(file.text).toContain('- Transcript: <https://app.trint.com/editor/t-1>');
    await expect(
      h.run(
        h.handlers['transcript/export'](
          { transcriptId: 't-9', format: 'json', contactName: 'Jane' },
          'trint-tab',
          { transcriptId: 't-9' },
        ),
      ),
    ).rejects.toThrow('Only a transcript linked to a contact is exported.');
  });

  it('transcript/get answers the cached view with the writes still pending', async () => {
    const h = await janeLinked();
    const release = h.hold();
    await h.run(
      h.handlers['outbox/enqueue'](
        { operation: { kind: 'note.create', contactId: JANE, body: { body: 'Call Monday' } } },
        PAGE,
      ),
    );
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(view.link).toMatchObject({ contactId: JANE, locationId: LOCATION });
    expect(view.pending).toMatchObject([{ kind: 'note.create', contactId: JANE }]);
    release();
  });
});
