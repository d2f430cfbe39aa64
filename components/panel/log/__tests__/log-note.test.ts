import { describe, expect, it } from 'vitest';
import { logNote, type LogNoteInput } from '../log-note';

const BASE: LogNoteInput = {
  page: { transcriptId: 'tr-alpha', title: 'Discovery call', speakers: ['Jane Doe', 'Sam Lee'] },
  trintOrigin: 'https://app.eu.trint.com',
  loggedAt: new Date('2026-12-07T16:25:00Z'),
  content: 'selection-or-opening',
  locale: 'en-GB',
};
const opening = () => 'Jane Doe Hello.\nSam Lee Hi.';
const head = (body: string) => body.split('\n').slice(0, 4);

describe('logNote', () => {
  it('has the title, a link on the page’s host, when and the speakers', () => {
    const note = logNote({ ...BASE, content: 'link', selection: 'ignored', opening });
    expect(note.title).toBe('Transcript: Discovery call');
    expect(note.body.split('\n')).toEqual([
      'Trint transcript: Discovery call',
      'https://app.eu.trint.com/editor/tr-alpha',
      expect.stringMatching(/^Logged 7 Dec 2026, \d\d:25$/),
      'Speakers: Jane Doe, Sam Lee',
    ]);
  });

  it.each([
    ['selection-or-opening', 'Thanks.', ['Selected text:', '“Thanks.”']],
    ['selection-or-opening', undefined, ['From the start:', 'Jane Doe Hello.', 'Sam Lee Hi.']],
    ['selection-or-opening', '   ', ['From the start:', 'Jane Doe Hello.', 'Sam Lee Hi.']],
    ['opening', 'Thanks.', ['From the start:', 'Jane Doe Hello.', 'Sam Lee Hi.']],
    ['link', 'Thanks.', []],
  ] as const)('%s with selection %j: %j', (content, selection, text) => {
    const { body } = logNote({ ...BASE, content, selection, opening });
    expect(body.split('\n').slice(4)).toEqual(text.length > 0 ? ['', ...text] : []);
  });

  it('leaves out what the page does not have', () => {
    const note = logNote({
      ...BASE,
      page: { transcriptId: 'tr-x', title: undefined, speakers: [] },
      trintOrigin: undefined,
      opening: () => undefined,
    });
    expect(note.title).toBe('Transcript: Untitled transcript');
    expect(head(note.body)).toEqual([
      'Trint transcript: Untitled transcript',
      'https://app.trint.com/editor/tr-x',
      expect.stringMatching(/^Logged /),
    ]);
  });
});
