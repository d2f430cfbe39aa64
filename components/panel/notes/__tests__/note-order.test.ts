import { describe, expect, it } from 'vitest';
import type { PanelNote, Shown } from '../../panel-records';
import { noteName } from '../note-name';
import { orderNotes } from '../note-order';

const note = (id: string, change: Partial<PanelNote> = {}): Shown<PanelNote> => ({
  record: { id, body: `Body of ${id}`, ...change },
});

describe('orderNotes', () => {
  it('lists pinned notes first, then the newest, undated last', () => {
    const notes = [
      note('old', { dateAdded: '2026-01-01T10:00:00Z' }),
      note('undated'),
      note('pinned-old', { pinned: true, dateAdded: '2025-06-01T10:00:00Z' }),
      note('new', { dateAdded: '2026-03-01T10:00:00Z' }),
      note('unreadable', { dateAdded: 'not a date' }),
      note('pinned-new', { pinned: true, dateAdded: '2026-02-01T10:00:00Z' }),
      note('pending-j1', { dateAdded: '2026-03-02T09:00:00Z' }),
    ];
    expect(orderNotes(notes).map((shown) => shown.record.id)).toEqual([
      'pinned-new',
      'pinned-old',
      'pending-j1',
      'new',
      'old',
      'undated',
      'unreadable',
    ]);
  });

  it('leaves the list it was given alone', () => {
    const notes = [note('a', { dateAdded: '2026-01-01' }), note('b', { dateAdded: '2026-02-01' })];
    orderNotes(notes);
    expect(notes.map((shown) => shown.record.id)).toEqual(['a', 'b']);
  });
});

describe('noteName', () => {
  it.each([
    [{ title: 'Call notes', body: 'x' }, 'note ‘Call notes’'],
    [{ title: '  ', body: 'Short body' }, 'note ‘Short body’'],
    [
      { body: 'Client asked for the pricing deck before Friday please' },
      'note ‘Client asked for the pricing deck…’',
    ],
    [{ body: 'Line one\nline two' }, 'note ‘Line one line two’'],
    [{ title: 'T'.repeat(80), body: 'x' }, `note ‘${'T'.repeat(47)}…’`],
    [{ body: '   ' }, 'empty note'],
  ])('names %o as %s', (fields, name) => {
    expect(noteName(fields)).toBe(name);
  });
});
