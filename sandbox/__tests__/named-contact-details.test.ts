import { describe, expect, it } from 'vitest';
import { seedSandboxData } from '../seed-data';

const JANE = 'sbxContJaneDoe000002';
const SAM = 'sbxContSamLee0000001';
const HOSTILE = 'sbxContHostileImg006';
const MARKUP = '<img src=x onerror=alert(1)>';
// Early morning and late evening UTC, so day boundaries cannot make a "future" record past.
const NOWS = [Date.parse('2026-11-26T12:00:00Z'), Date.parse('2027-03-01T23:59:00Z')];

describe.each([1, 7, 8, 42, 2024])('the demo contacts with random seed %i', (seed) => {
  it.each(NOWS)('Jane Doe shows every part of the panel (now = %i)', (now) => {
    const data = seedSandboxData({ now, seed });
    const jane = data.contacts.get(JANE)!;
    const sam = data.contacts.get(SAM)!;
    expect(jane).toMatchObject({ firstName: 'Jane', lastName: 'Doe', companyName: 'Acme Corp' });
    expect(jane.email).toMatch(/^\S+@\S+$/);
    expect(jane.phone).toMatch(/^\+\d{8,}$/);
    expect(jane.tags.length).toBeGreaterThanOrEqual(2);
    expect(jane.tags.length).toBeLessThanOrEqual(3);
    expect(jane.businessId).toBeTruthy();
    expect(sam.businessId).toBe(jane.businessId);

    const tasks = [...data.tasks.values()].filter((t) => t.contactId === JANE);
    const due = (t: { dueDate: string }) => Date.parse(t.dueDate);
    expect(tasks.some((t) => !t.completed && due(t) < now)).toBe(true);
    expect(tasks.some((t) => !t.completed && due(t) > now)).toBe(true);
    expect(tasks.some((t) => t.completed)).toBe(true);

    const notes = [...data.notes.values()].filter((n) => n.contactId === JANE);
    expect(notes.some((n) => n.pinned)).toBe(true);
    expect(notes.some((n) => !n.pinned)).toBe(true);

    const starts = [...data.appointments.values()]
      .filter((a) => a.contactId === JANE)
      .map((a) => Date.parse(`${a.startTime.replace(' ', 'T')}Z`));
    expect(starts.some((start) => start < now)).toBe(true);
    expect(starts.some((start) => start > now)).toBe(true);
  });

  it('the markup-named contact holds markup in a task title and a note', () => {
    const data = seedSandboxData({ now: NOWS[0]!, seed });
    const tasks = [...data.tasks.values()].filter((t) => t.contactId === HOSTILE);
    const notes = [...data.notes.values()].filter((n) => n.contactId === HOSTILE);
    expect(tasks.map((t) => t.title)).toContain(MARKUP);
    expect(notes.some((n) => n.body.includes(MARKUP))).toBe(true);
  });

  it('fixed records take ids no generated record has', () => {
    const data = seedSandboxData({ now: NOWS[0]!, seed });
    for (const records of [data.tasks, data.notes, data.appointments]) {
      for (const [id, record] of records) expect(record.id).toBe(id);
      expect([...records.keys()].every((id) => id.length === 20)).toBe(true);
    }
    const fixed = [...data.tasks.keys()].filter((id) => id.startsWith('sbxTaskFix'));
    expect(fixed.length).toBe(4);
  });
});
