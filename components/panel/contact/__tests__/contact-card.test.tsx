// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { button, click, textOf } from '@/components/sync/__tests__/render-page';
import { JANE, showCard, unmountCard, viewOf } from './card-harness';

const heading = (page: Element) => textOf(page.querySelector('h2')!);
const facts = (page: Element) =>
  [...page.querySelectorAll('dt')].map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling!)}`);
const link = (page: Element) => page.querySelector<HTMLAnchorElement>('a')!;

const ALL = {
  contactDetails: true,
  tasks: true,
  notes: true,
  appointments: true,
  businessContacts: true,
};

describe('ContactCard', () => {
  afterEach(() => unmountCard());

  it('names the contact and lists its mapped fields, with the tags as chips', async () => {
    const { page } = await showCard({ record: JANE });
    expect(heading(page)).toBe('Jane Doe');
    expect(facts(page)).toEqual([
      'Organisation: Acme',
      'Email: jane@example.com',
      'Phone: +1 555 010 0199',
    ]);
    expect([...page.querySelectorAll('.contact__chip span')].map(textOf)).toEqual(['vip', 'lead']);
    expect(textOf(page)).not.toMatch(/Saving…|Deleting…|deleted in GHL/);
  });

  it('falls back to the snapshot when the contact is not cached', async () => {
    const { page } = await showCard(undefined, { view: viewOf(JANE) });
    expect(heading(page)).toBe('Jane Doe');
    expect(facts(page)).toContain('Tags: vip, lead');
    expect(() => button(page, 'Edit contact')).toThrow();
    expect(link(page).href).toContain('/contacts/detail/c1');
  });

  it('shows an edit at once, marked Saving…', async () => {
    const record = { ...JANE, firstName: 'Janet', email: 'janet@example.com' };
    const { page } = await showCard({ record, pending: 'saving' });
    expect(heading(page)).toBe('Janet Doe');
    expect(textOf(page.querySelector('.panel__pending')!)).toBe('Saving…');
    expect(facts(page)).toContain('Email: janet@example.com');
  });

  it('marks a contact being deleted, without write controls', async () => {
    const { page } = await showCard({ record: JANE, pending: 'deleting' });
    expect(textOf(page)).toContain('Deleting…');
    expect(() => button(page, 'Edit contact')).toThrow();
    expect(() => button(page, 'Remove tag vip')).toThrow();
  });

  it('says when the contact was deleted in GHL', async () => {
    const { page } = await showCard(
      { record: JANE },
      { view: viewOf(JANE, { contactDeletedAt: 5 }) },
    );
    expect(textOf(page)).toContain('This contact was deleted in GHL.');
    expect(() => button(page, /^Delete contact/)).toThrow();
  });

  it('opens the contact in GHL in a new tab, ids encoded', async () => {
    const record = { ...JANE, id: 'c/1?x' };
    const view = viewOf(record, {
      link: { contactId: 'c/1?x', locationId: 'loc #1', linkedAt: 1 },
    });
    const { page } = await showCard({ record }, { view });
    const open = link(page);
    expect(open.getAttribute('href')).toBe(
      'https://app.gohighlevel.com/v2/location/loc%20%231/contacts/detail/c%2F1%3Fx',
    );
    expect(open.target).toBe('_blank');
    expect(open.rel).toBe('noopener noreferrer');
    expect(open.getAttribute('aria-label')).toBe('Open Jane Doe in GHL');
  });

  it('deletes the contact after a confirmation that names it', async () => {
    const { page, written, announced } = await showCard({ record: JANE });
    await click(button(page, 'Delete contact Jane Doe in GHL'));
    expect(written).toEqual([]);
    const confirm = page.querySelector('[role="group"][aria-label^="Confirm"]')!;
    expect(confirm.getAttribute('aria-label')).toBe('Confirm: delete contact Jane Doe in GHL');
    expect(textOf(confirm)).toContain('Delete contact Jane Doe in GHL? The contact, its tasks');
    await click(button(page, 'Yes, delete'));
    expect(written).toEqual([{ kind: 'contact.delete', contactId: 'c1' }]);
    expect(announced).toEqual(['Deleting contact Jane Doe — sending to GHL']);
    expect(document.activeElement).toBe(page.querySelector('h2'));
  });

  it('keeps the focus on the heading while the delete is still being queued', async () => {
    // The Delete button goes with the write controls: focus must not wait on it for the write.
    const { page } = await showCard(
      { record: JANE },
      { actions: { write: () => new Promise(() => {}) } },
    );
    await click(button(page, 'Delete contact Jane Doe in GHL'));
    await click(button(page, 'Yes, delete'));
    expect(document.activeElement).toBe(page.querySelector('h2'));
  });

  it('is read-only without write access, showing everything else', async () => {
    const view = viewOf(JANE, { syncedAt: Date.UTC(2025, 0, 15, 12) });
    const { page } = await showCard(
      { record: { ...JANE, businessId: 'b1' } },
      { view, actions: { canWrite: false } },
    );
    // The More menu's button, and in it the one control that writes nothing.
    expect([...page.querySelectorAll('button')].map(textOf)).toEqual([
      'More',
      'Others at this business',
    ]);
    expect(page.querySelector('input, form')).toBeNull();
    expect(facts(page)).toHaveLength(3);
    expect(textOf(page)).toContain('vip');
    expect(textOf(page)).toContain('Synced with GHL');
    expect(link(page)).toBeTruthy();
  });

  it('lists the mapping’s card fields under their labels, in its order', async () => {
    const view = viewOf(JANE, {
      mapped: [
        { label: 'Owner', text: 'Sam', onCard: true },
        { label: 'Speaker name', text: 'Jane Doe', onCard: false, live: 'name' },
        { label: 'Mail', text: 'jane@example.com', onCard: true, live: 'email' },
        { label: 'Updated', text: '27 Nov 2026', onCard: false },
      ],
    });
    const { page } = await showCard({ record: JANE }, { view });
    expect(facts(page)).toEqual(['Owner: Sam', 'Mail: jane@example.com']);
  });

  it('contact details not synced: the name and a line saying so, no fields, tags or edit', async () => {
    const view = viewOf(JANE, { shows: { ...ALL, contactDetails: false } });
    const { page } = await showCard({ record: JANE }, { view });
    expect(heading(page)).toBe('Jane Doe');
    expect(textOf(page)).toContain('Contact details are not synced (Settings → What to sync)');
    expect(facts(page)).toEqual([]);
    expect(page.querySelector('.contact__chip')).toBeNull();
    expect(() => button(page, 'Edit contact')).toThrow();
    expect(link(page).textContent).toBe('Open in GHL');
  });

  it('business contacts not synced: no "Others at this business"', async () => {
    const record = { ...JANE, businessId: 'b1' };
    const on = await showCard({ record });
    expect(button(on.page, 'Others at this business')).toBeTruthy();
    unmountCard();
    const view = viewOf(record, { shows: { ...ALL, businessContacts: false } });
    const { page } = await showCard({ record }, { view });
    expect(() => button(page, 'Others at this business')).toThrow();
    expect(facts(page)).toHaveLength(3);
    expect(textOf(page)).not.toContain('not synced');
  });

  it('renders a hostile name as text', async () => {
    const hostile = '<img src=x onerror=alert(1)> Markup';
    const record = { ...JANE, name: hostile, tags: [hostile] };
    const view = viewOf(record, {
      mapped: [{ label: 'Organisation', text: hostile, onCard: true, live: 'companyName' }],
    });
    const { page } = await showCard({ record }, { view });
    expect(heading(page)).toBe(hostile);
    expect(facts(page)).toContain(`Organisation: ${hostile}`);
    expect(button(page, `Remove tag ${hostile}`)).toBeTruthy();
    expect(link(page).getAttribute('aria-label')).toBe(`Open ${hostile} in GHL`);
    expect(page.querySelector('img')).toBeNull();
  });
});
