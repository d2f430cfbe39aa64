import { describe, expect, it } from 'vitest';
import {
  formatActivityDate,
  narrateActivity,
  narrateTaskStatus,
  type ActivityEvent,
} from '../activity-narrative';
import { ghlContactUrl } from '../../ghl/api-constants';

const AT = Date.parse('2026-11-26T12:00:00Z');
const CONTEXT = {
  contactId: 'sbxContJaneDoe000002',
  contactName: 'Jane Doe',
  locationId: 'sbxLoc7Trint00000001',
  at: AT,
  timeZone: 'UTC',
};
const TASK = { id: 'task1', title: 'Send proposal', completed: true };
const NOTE = { id: 'note1', body: 'Budget approved\nfor Q1', title: null };

describe('activity narrative', () => {
  it.each<[ActivityEvent, string]>([
    [{ kind: 'task-status', task: TASK }, 'Task ‘Send proposal’ completed — Jane Doe, 26 Nov 2026'],
    [
      { kind: 'task-status', task: { ...TASK, completed: false } },
      'Task ‘Send proposal’ reopened — Jane Doe, 26 Nov 2026',
    ],
    [{ kind: 'task-added', task: TASK }, 'Task ‘Send proposal’ added — Jane Doe, 26 Nov 2026'],
    [{ kind: 'task-updated', task: TASK }, 'Task ‘Send proposal’ updated — Jane Doe, 26 Nov 2026'],
    [
      { kind: 'task-deleted', task: TASK },
      'Task ‘Send proposal’ deleted in GHL — Jane Doe, 26 Nov 2026',
    ],
    [
      { kind: 'note-attached', note: NOTE },
      'Note ‘Budget approved for Q1’ attached — Jane Doe, 26 Nov 2026',
    ],
    [
      { kind: 'note-updated', note: { ...NOTE, title: 'Budget' } },
      'Note ‘Budget’ updated — Jane Doe, 26 Nov 2026',
    ],
    [
      { kind: 'note-removed', note: NOTE },
      'Note ‘Budget approved for Q1’ removed — Jane Doe, 26 Nov 2026',
    ],
    [
      { kind: 'contact-updated', fields: ['Email', 'Phone'] },
      'Contact updated in GHL: Email, Phone — Jane Doe, 26 Nov 2026',
    ],
    [{ kind: 'contact-updated', fields: [] }, 'Contact updated in GHL — Jane Doe, 26 Nov 2026'],
    [{ kind: 'contact-deleted' }, 'Contact deleted in GHL — Jane Doe, 26 Nov 2026'],
    [{ kind: 'linked' }, 'Transcript linked — Jane Doe, 26 Nov 2026'],
    [{ kind: 'unlinked' }, 'Transcript unlinked — Jane Doe, 26 Nov 2026'],
  ])('%o → %s', (event, text) => {
    expect(narrateActivity(event, CONTEXT).text).toBe(text);
  });

  it('links every line to the contact in GHL and names the record', () => {
    expect(narrateTaskStatus(TASK, CONTEXT)).toEqual({
      contactId: CONTEXT.contactId,
      at: AT,
      kind: 'task-status',
      text: 'Task ‘Send proposal’ completed — Jane Doe, 26 Nov 2026',
      recordId: 'task1',
      url: 'https://app.gohighlevel.com/v2/location/sbxLoc7Trint00000001/contacts/detail/sbxContJaneDoe000002',
    });
    expect(ghlContactUrl('loc/1', 'c 1')).toBe(
      'https://app.gohighlevel.com/v2/location/loc%2F1/contacts/detail/c%201',
    );
  });

  it('writes dates day month year in the chosen time zone', () => {
    const lateEvening = Date.parse('2026-11-26T23:30:00Z');
    expect(formatActivityDate(lateEvening, 'UTC')).toBe('26 Nov 2026');
    expect(formatActivityDate(lateEvening, 'Asia/Dubai')).toBe('27 Nov 2026');
  });

  it('shortens a long note to one line', () => {
    const long = { ...NOTE, body: 'word '.repeat(40) };
    const text = narrateActivity({ kind: 'note-attached', note: long }, CONTEXT).text;
    expect(text).toMatch(/^Note ‘(word ){11}word…’ attached/);
  });
});
