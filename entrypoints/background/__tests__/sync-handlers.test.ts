import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ConnectError } from '@/utils/auth/connect-error';
import { GhlError } from '@/utils/ghl/ghl-error';
import { SANDBOX_TOKENS } from '@/sandbox/sandbox-fixtures';
import { backgroundUnderTest, JANE, LOCATION, SAM } from './sync-wiring-harness';

// An extension page may work on any transcript; a Trint tab's limits are tested on their own.
const PAGE = 'extension-page' as const;
const MINUTE = 60_000;
const DUE = '2026-12-01T09:00:00.000Z';

/** A harness connected with a read-write token, t-1 linked to Jane and the tell log cleared. */
async function janeLinked() {
  const h = backgroundUnderTest();
  await h.connect();
  await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
  h.told.length = 0;
  return h;
}

describe('sync message handlers', () => {
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

  it('outbox/enqueue stores the write, outbox/list shows it, and it reaches GHL', async () => {
    const h = await janeLinked();
    const release = h.hold();
    const job = await h.run(
      h.handlers['outbox/enqueue'](
        {
          operation: {
            kind: 'task.create',
            contactId: JANE,
            body: { title: 'Book a demo', dueDate: DUE, completed: false },
          },
          transcriptId: 't-1',
        },
        PAGE,
      ),
    );
    expect(job).toMatchObject({
      kind: 'task.create',
      summary: 'Create task ‘Book a demo’',
      transcriptId: 't-1',
      contactId: JANE,
    });
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toMatchObject([{ id: job.id }]);
    expect((await h.inGhl(JANE)).tasks.filter((t) => t.title === 'Book a demo')).toEqual([]);

    release();
    await h.settle();
    expect((await h.inGhl(JANE)).tasks.filter((t) => t.title === 'Book a demo')).toHaveLength(1);
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toEqual([]);
  });

  it('outbox/retry sends a failed write again, once the cause is fixed', async () => {
    const h = backgroundUnderTest();
    await h.connect(SANDBOX_TOKENS.readOnly);
    const job = await h.run(
      h.handlers['outbox/enqueue'](
        { operation: { kind: 'note.create', contactId: SAM, body: { body: 'Retry me' } } },
        PAGE,
      ),
    );
    await h.settle();
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toMatchObject([
      { id: job.id, status: 'failed', error: { kind: 'missing-scope' } },
    ]);

    await h.run(h.connection.replacePrivateToken({ token: SANDBOX_TOKENS.readWrite }));
    const listed = await h.run(h.handlers['outbox/retry']({ id: job.id }, PAGE));
    expect(listed).toMatchObject([{ id: job.id, attempts: 0 }]);
    expect(listed[0]!.status).not.toBe('failed');
    await h.settle();
    expect((await h.inGhl(SAM)).notes.filter((n) => n.body === 'Retry me')).toHaveLength(1);
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toEqual([]);
  });

  it('outbox/discard deletes a failed write, sending nothing', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    const job = await h.run(
      h.handlers['outbox/enqueue'](
        {
          operation: {
            kind: 'task.complete',
            contactId: SAM,
            taskId: 'noSuchTask0000000001',
            completed: true,
          },
        },
        PAGE,
      ),
    );
    await h.settle();
    expect(await h.run(h.handlers['outbox/list']({}, PAGE))).toMatchObject([
      { id: job.id, status: 'failed', error: { kind: 'not-found' } },
    ]);
    const sent = h.sandbox.state.counters.total;

    expect(await h.run(h.handlers['outbox/discard']({ id: job.id }, PAGE))).toEqual([]);
    await h.settle();
    expect(await h.outbox.summary()).toEqual({ pending: 0, waiting: 0, failed: 0 });
    expect(h.sandbox.state.counters.total).toBe(sent);
  });

  it('audit/list has a line per request GHL was sent, and never the token', async () => {
    const h = await janeLinked();
    const entries = await h.run(h.handlers['audit/list']({}, PAGE));

    expect(entries.length).toBe(h.sandbox.state.counters.total);
    expect(entries).toContainEqual(
      expect.objectContaining({ method: 'GET', recordId: JANE, startedBy: 'person' }),
    );
    expect(JSON.stringify(entries)).not.toContain(SANDBOX_TOKENS.readWrite);
  });
});
