import { describe, expect, it } from 'vitest';
import { seedSandboxData } from '../seed-data';

const now = Date.parse('2026-11-26T12:00:00Z');

describe('seeded data', () => {
  const data = seedSandboxData({ now });
  const contacts = [...data.contacts.values()];
  const tasksOf = (id: string) => [...data.tasks.values()].filter((t) => t.contactId === id);
  const notesOf = (id: string) => [...data.notes.values()].filter((n) => n.contactId === id);

  it('is deterministic: the same options give the same data', () => {
    const again = seedSandboxData({ now });
    expect([...again.contacts.values()]).toEqual(contacts);
    expect([...again.tasks.values()]).toEqual([...data.tasks.values()]);
    expect(seedSandboxData({ now, seed: 8 }).contacts).not.toEqual(data.contacts);
  });

  it('has at least 50 realistic contacts, with companies, business ids, tags and owners', () => {
    expect(contacts.length).toBeGreaterThanOrEqual(50);
    expect(contacts.filter((c) => c.email?.includes('@')).length).toBeGreaterThan(40);
    expect(new Set(contacts.map((c) => c.businessId)).size).toBeGreaterThan(5);
    expect(contacts.some((c) => c.tags.length > 0)).toBe(true);
    expect(contacts.every((c) => c.assignedTo && c.customFields.length > 0)).toBe(true);
    expect(new Set(contacts.map((c) => c.id)).size).toBe(contacts.length);
  });

  it('gives 0-8 tasks and 0-6 notes each, some overdue, completed or pinned', () => {
    for (const c of contacts) {
      expect(tasksOf(c.id).length).toBeLessThanOrEqual(8);
      expect(notesOf(c.id).length).toBeLessThanOrEqual(6);
    }
    const tasks = [...data.tasks.values()];
    expect(tasks.some((t) => !t.completed && Date.parse(t.dueDate) < now)).toBe(true);
    expect(tasks.some((t) => t.completed)).toBe(true);
    expect([...data.notes.values()].some((n) => n.pinned)).toBe(true);
    const appointments = [...data.appointments.values()].map((a) => Date.parse(`${a.startTime}Z`));
    expect(appointments.some((t) => t < now) && appointments.some((t) => t > now)).toBe(true);
  });

  it('holds hostile text real CRMs contain', () => {
    const names = contacts.map((c) => `${c.firstName} ${c.lastName}`);
    expect(names).toContain('<img src=x onerror=alert(1)> Markup');
    expect(names.some((n) => /[\u0600-\u06ff]/.test(n))).toBe(true);
    expect(names.some((n) => /\p{Extended_Pictographic}/u.test(n))).toBe(true);
    const bodies = [...data.notes.values()].map((n) => n.body);
    expect(bodies.some((b) => b.length === 5_000)).toBe(true);
    expect(bodies.some((b) => b.includes('<script>'))).toBe(true);
  });

  it('grows to 10,000 contacts for benchmarks, quickly', () => {
    const start = performance.now();
    const big = seedSandboxData({ now, contacts: 10_000 });
    expect(big.contacts.size).toBe(10_000);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
