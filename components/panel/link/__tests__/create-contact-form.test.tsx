// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  button,
  click,
  input,
  mount,
  settle,
  textOf,
  type,
} from '@/components/sync/__tests__/render-page';
import { createContactBody } from '@/utils/ghl/schemas/contact-schemas';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import {
  EMAIL_MESSAGE,
  IDENTITY_MESSAGE,
  PHONE_LENGTH_MESSAGE,
} from '../../contact/contact-validation';
import { PanelActionsContext, type PanelActions } from '../../panel-actions';
import type { NewContactValues } from '../contact-prefill';
import { CreateContactForm, newContactBody } from '../create-contact-form';

const BLANK: NewContactValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  companyName: '',
};

let unmount = () => {};
async function show(initial: Partial<NewContactValues> = {}, stored = true) {
  const write = vi.fn<PanelActions['write']>(async () => stored);
  const announce = vi.fn<PanelActions['announce']>();
  const onClose = vi.fn();
  const actions: PanelActions = {
    transcriptId: 'tr1',
    canWrite: true,
    online: true,
    write,
    announce,
  };
  const page = await mount(
    <PanelActionsContext.Provider value={actions}>
      <CreateContactForm locationId="loc1" initial={{ ...BLANK, ...initial }} onClose={onClose} />
    </PanelActionsContext.Provider>,
  );
  unmount = page.unmount;
  await settle();
  return { page: page.container, write, announce, onClose };
}
const submit = (page: Element) => click(button(page, 'Create and link'));
const errorOf = (page: Element, name: string) => {
  const field = input(page, name);
  const id = field.getAttribute('aria-describedby');
  return id ? textOf(page.querySelector(`[id="${id}"]`)!) : undefined;
};

describe('newContactBody', () => {
  it('sends GHL’s documented fields only, trimmed, empty ones left out', () => {
    const body = newContactBody('loc1', {
      firstName: ' Jane ',
      lastName: '',
      email: 'jane@acme.com',
      phone: '   ',
      companyName: 'Acme Corp',
    });
    expect(body).toEqual({
      locationId: 'loc1',
      source: 'GHL for Trint',
      firstName: 'Jane',
      email: 'jane@acme.com',
      companyName: 'Acme Corp',
    });
    expect(createContactBody.safeParse(body).success).toBe(true);
  });
});

describe('CreateContactForm', () => {
  afterEach(() => unmount());

  it('is a named form, prefilled, with focus on the first name', async () => {
    const { page } = await show({ firstName: 'Jane', lastName: 'Doe', companyName: 'Acme Corp' });
    expect(page.querySelector('form')?.getAttribute('aria-label')).toBe('New GHL contact');
    expect(input(page, 'First name').value).toBe('Jane');
    expect(input(page, 'Last name').value).toBe('Doe');
    expect(input(page, 'Company').value).toBe('Acme Corp');
    expect(input(page, 'Email').type).toBe('email');
    expect(input(page, 'Phone').type).toBe('tel');
    expect(document.activeElement).toBe(input(page, 'First name'));
  });

  it('an invalid email is shown beside the field and nothing is sent', async () => {
    const { page, write, onClose } = await show({ firstName: 'Jane' });
    await type(input(page, 'Email'), 'jane@acme');
    await submit(page);
    expect(errorOf(page, 'Email')).toBe(EMAIL_MESSAGE);
    expect(input(page, 'Email').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input(page, 'Email'));
    expect(write).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('an invalid phone is shown beside the field and nothing is sent', async () => {
    const { page, write } = await show({ firstName: 'Jane', phone: '123' });
    await submit(page);
    expect(errorOf(page, 'Phone')).toBe(PHONE_LENGTH_MESSAGE);
    expect(errorOf(page, 'Email')).toBeUndefined();
    expect(write).not.toHaveBeenCalled();
  });

  it('a contact with no name, email or phone is refused (a company alone is not enough)', async () => {
    const { page, write } = await show({ companyName: 'Acme Corp' });
    await submit(page);
    expect(errorOf(page, 'First name')).toBe(IDENTITY_MESSAGE);
    expect(write).not.toHaveBeenCalled();
  });

  it('a fixed error goes away on the next submit', async () => {
    const { page, write } = await show({ firstName: 'Jane', email: 'nope' });
    await submit(page);
    expect(errorOf(page, 'Email')).toBe(EMAIL_MESSAGE);
    await type(input(page, 'Email'), 'jane@acme.com');
    await submit(page);
    expect(errorOf(page, 'Email')).toBeUndefined();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('a valid contact is queued as contact.create with empty fields left out, then closes', async () => {
    const { page, write, announce, onClose } = await show({
      firstName: 'Jane',
      companyName: 'Acme Corp',
    });
    await type(input(page, 'Last name'), '  Doe ');
    await type(input(page, 'Email'), 'jane@acme.com');
    await submit(page);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]![0]).toEqual({
      kind: 'contact.create',
      body: {
        locationId: 'loc1',
        source: 'GHL for Trint',
        firstName: 'Jane',
        lastName: 'Doe',
        email: 'jane@acme.com',
        companyName: 'Acme Corp',
      },
    } satisfies OutboxOperation);
    expect(announce).toHaveBeenCalledWith(
      'New contact saved — sending to GHL. It links to this transcript when GHL has it.',
    );
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stays open, unchanged, when the write is refused (the shell says why)', async () => {
    const { page, write, announce, onClose } = await show({ firstName: 'Jane' }, false);
    await submit(page);
    expect(write).toHaveBeenCalledTimes(1);
    expect(announce).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(input(page, 'First name').value).toBe('Jane');
    expect(button(page, 'Create and link').disabled).toBe(false);
  });

  it('Escape closes without sending', async () => {
    const { page, write, onClose } = await show({ firstName: 'Jane' });
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    await act(() => {
      input(page, 'Email').dispatchEvent(event);
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    expect(write).not.toHaveBeenCalled();
  });

  it('other keys do not close it', async () => {
    const { page, onClose } = await show({ firstName: 'Jane' });
    await act(() => {
      input(page, 'Email').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('Cancel closes without sending', async () => {
    const { page, write, onClose } = await show({ firstName: 'Jane' });
    await click(button(page, 'Cancel'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(write).not.toHaveBeenCalled();
  });
});
