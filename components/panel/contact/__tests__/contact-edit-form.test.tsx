// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { button, click, input, settle, type } from '@/components/sync/__tests__/render-page';
import { EMAIL_MESSAGE, IDENTITY_MESSAGE, PHONE_LENGTH_MESSAGE } from '../contact-validation';
import { JANE, showCard, unmountCard } from './card-harness';

async function openForm(options: Parameters<typeof showCard>[1] = {}) {
  const card = await showCard({ record: JANE }, options);
  await click(button(card.page, 'Edit contact'));
  return card;
}

const editForm = (page: Element) => page.querySelector('form[aria-label^="Edit contact"]');
const errorOf = (field: HTMLInputElement) =>
  field.ownerDocument.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;

describe('ContactEdit', () => {
  afterEach(() => unmountCard());

  it('opens on the first name, filled with the contact', async () => {
    const { page } = await openForm();
    expect(editForm(page)?.getAttribute('aria-label')).toBe('Edit contact Jane Doe');
    expect(document.activeElement).toBe(input(page, 'First name'));
    expect(input(page, 'Last name').value).toBe('Doe');
    expect(input(page, 'Email').value).toBe('jane@example.com');
    expect(input(page, 'Phone').value).toBe('+1 555 010 0199');
  });

  it('sends only the changed fields and closes, giving focus back', async () => {
    const { page, written, announced } = await openForm();
    await type(input(page, 'Last name'), ' Smith ');
    await type(input(page, 'Phone'), '');
    await click(button(page, 'Save'));
    expect(written).toEqual([
      { kind: 'contact.update', contactId: 'c1', body: { lastName: 'Smith', phone: null } },
    ]);
    expect(announced).toEqual(['Contact changes saved — sending to GHL']);
    expect(editForm(page)).toBeNull();
    expect(document.activeElement).toBe(button(page, 'Edit contact'));
  });

  it("sends only what was typed, not the form's old value of a field GHL changed meanwhile", async () => {
    const { page, written, rerender } = await openForm();
    // A colleague changed the phone in GHL; the sync refreshed the card while the form was open.
    await rerender({ record: { ...JANE, phone: '+1 555 010 0200' } });
    await type(input(page, 'First name'), 'Janet');
    await click(button(page, 'Save'));
    expect(written).toEqual([
      { kind: 'contact.update', contactId: 'c1', body: { firstName: 'Janet' } },
    ]);
  });

  it('edits the company name, which GHL takes on update (#314)', async () => {
    const { page, written } = await openForm();
    expect(input(page, 'Company').value).toBe(JANE.companyName ?? '');
    await type(input(page, 'Company'), 'Initech');
    await click(button(page, 'Save'));
    expect(written).toEqual([
      { kind: 'contact.update', contactId: 'c1', body: { companyName: 'Initech' } },
    ]);
  });

  it('sends nothing when nothing changed', async () => {
    const { page, written } = await openForm();
    await click(button(page, 'Save'));
    expect(written).toEqual([]);
    expect(editForm(page)).toBeNull();
  });

  it('catches bad fields inline, focuses the first, and sends nothing', async () => {
    const { page, written } = await openForm();
    await type(input(page, 'Email'), 'jane@example');
    await type(input(page, 'Phone'), '12345');
    await click(button(page, 'Save'));
    expect(written).toEqual([]);
    const email = input(page, 'Email');
    const phone = input(page, 'Phone');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(email)).toBe(EMAIL_MESSAGE);
    expect(errorOf(phone)).toBe(PHONE_LENGTH_MESSAGE);
    expect(input(page, 'First name').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(email);

    await type(email, 'jane@example.org');
    expect(email.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses to leave the contact without a name, email or phone', async () => {
    const { page, written } = await openForm();
    for (const name of ['First name', 'Last name', 'Email', 'Phone'])
      await type(input(page, name), ' ');
    await click(button(page, 'Save'));
    expect(written).toEqual([]);
    expect(errorOf(input(page, 'First name'))).toBe(IDENTITY_MESSAGE);
    expect(document.activeElement).toBe(input(page, 'First name'));
  });

  it('stays open with what was typed when the write is refused', async () => {
    const { page, announced } = await openForm({ actions: { write: async () => false } });
    await type(input(page, 'First name'), 'Janet');
    await click(button(page, 'Save'));
    expect(input(page, 'First name').value).toBe('Janet');
    expect(announced).toEqual([]);
  });

  it('cancels on Escape and gives focus back', async () => {
    const { page, written } = await openForm();
    await type(input(page, 'First name'), 'Janet');
    await act(() => {
      input(page, 'First name').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    await settle();
    expect(editForm(page)).toBeNull();
    expect(document.activeElement).toBe(button(page, 'Edit contact'));
    expect(written).toEqual([]);
  });

  it('cancels with the Cancel button', async () => {
    const { page } = await openForm();
    await click(button(page, 'Cancel'));
    expect(editForm(page)).toBeNull();
  });
});
