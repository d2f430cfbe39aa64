import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNoteBody } from '@/utils/ghl/schemas/note-schemas';
import { selectionNote } from '../selection-note';

const SAVED_AT = new Date(Date.UTC(2026, 10, 27, 14, 5));
const page = { transcriptId: 'tr-alpha', title: 'Discovery call with Acme Corp' };
const LINK = 'https://app.trint.com/editor/tr-alpha';

describe('selectionNote on Trint EU', () => {
  it('links back to the transcript on the host the page is on', () => {
    const note = selectionNote({
      selection: 'Hi.',
      page,
      trintOrigin: 'https://app.eu.trint.com',
      savedAt: SAVED_AT,
      locale: 'en-GB',
    });
    expect(note?.body.endsWith('\nhttps://app.eu.trint.com/editor/tr-alpha')).toBe(true);
  });
});

describe('selectionNote', () => {
  // The saved time is shown in the person's time zone: pin it so the expected text is exact.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it.each([
    {
      name: 'a quote with the title, time and link',
      selection: 'Thanks for making the time today.',
      page,
      locale: 'en-GB',
      title: 'From Trint: Discovery call with Acme Corp',
      body: `“Thanks for making the time today.”\n\n— Discovery call with Acme Corp, saved 27 Nov 2026, 14:05\n${LINK}`,
    },
    {
      name: 'line breaks kept inside the quote',
      selection: 'First paragraph.\n\nSecond paragraph.',
      page,
      locale: 'en-GB',
      title: 'From Trint: Discovery call with Acme Corp',
      body: `“First paragraph.\n\nSecond paragraph.”\n\n— Discovery call with Acme Corp, saved 27 Nov 2026, 14:05\n${LINK}`,
    },
    {
      name: 'the time in the person’s locale',
      selection: 'Hi.',
      page,
      locale: 'en-US',
      title: 'From Trint: Discovery call with Acme Corp',
      body: `“Hi.”\n\n— Discovery call with Acme Corp, saved Nov 27, 2026, 02:05 PM\n${LINK}`,
    },
    {
      name: 'an untitled transcript',
      selection: 'Hi.',
      page: { transcriptId: 'tr-alpha', title: undefined },
      locale: 'en-GB',
      title: 'From Trint: Untitled transcript',
      body: `“Hi.”\n\n— Untitled transcript, saved 27 Nov 2026, 14:05\n${LINK}`,
    },
    {
      name: 'hostile text kept as plain text',
      selection: '<script>document.body.remove()</script>',
      page: { transcriptId: 'tr-alpha', title: '<img src=x onerror=alert(1)>' },
      locale: 'en-GB',
      title: 'From Trint: <img src=x onerror=alert(1)>',
      body: `“<script>document.body.remove()</script>”\n\n— <img src=x onerror=alert(1)>, saved 27 Nov 2026, 14:05\n${LINK}`,
    },
  ])('builds $name', ({ selection, page, locale, title, body }) => {
    expect(selectionNote({ selection, page, savedAt: SAVED_AT, locale })).toEqual({ title, body });
  });

  it.each([
    ['an empty selection', ''],
    ['a blank selection', ' \n\t '],
  ])('builds nothing from %s', (_name, selection) => {
    expect(selectionNote({ selection, page, savedAt: SAVED_AT })).toBeUndefined();
  });

  it('is a body GHL accepts for a new note (documented fields only)', () => {
    const note = selectionNote({ selection: 'Hi.', page, savedAt: SAVED_AT });
    expect(createNoteBody.safeParse(note).success).toBe(true);
  });
});
