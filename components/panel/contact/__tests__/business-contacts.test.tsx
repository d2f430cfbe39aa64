// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { button, click, textOf, waitFor } from '@/components/sync/__tests__/render-page';
import { MessageError, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import { JANE, showCard, unmountCard } from './card-harness';

vi.mock('@/utils/messaging/send-trint-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-trint-message')>()),
  sendTrintMessage: vi.fn(),
}));
const send = vi.mocked(sendTrintMessage);

const AT_ACME = { record: { ...JANE, businessId: 'b1' } };
const disclosure = (page: Element) => button(page, 'Others at this business');

describe('BusinessContacts', () => {
  beforeEach(() => send.mockReset());
  afterEach(() => unmountCard());

  it('is not shown for a contact without a business', async () => {
    const { page } = await showCard({ record: JANE });
    expect(() => disclosure(page)).toThrow();
  });

  it('asks nothing until opened, then lists the others as text', async () => {
    let answer = (_value: unknown) => {};
    send.mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    const { page } = await showCard(AT_ACME);
    expect(disclosure(page).getAttribute('aria-expanded')).toBe('false');
    expect(send).not.toHaveBeenCalled();

    await click(disclosure(page));
    expect(send).toHaveBeenCalledWith('contacts/business', { contactId: 'c1' });
    expect(disclosure(page).getAttribute('aria-expanded')).toBe('true');
    expect(textOf(page)).toContain('Loading…');

    answer({
      contacts: [
        { id: 'c2', name: '<img src=x onerror=alert(1)> Markup', email: 'm@example.com' },
        { id: 'c3', name: 'Bob Roe', email: 'bob@example.com', phone: '5550100' },
        { id: 'c1', name: 'Jane Doe' },
      ],
    });
    const items = await waitFor(() => {
      const found = [...page.querySelectorAll('li.panel__item')].map(textOf);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(items).toEqual([
      '<img src=x onerror=alert(1)> Markupm@example.com',
      'Bob Roebob@example.com · 5550100',
    ]);
    expect(page.querySelector('img')).toBeNull();

    await click(disclosure(page));
    expect(disclosure(page).getAttribute('aria-expanded')).toBe('false');
    await click(disclosure(page));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('says when no one else is at the business', async () => {
    send.mockResolvedValue({ contacts: [] } as never);
    const { page } = await showCard(AT_ACME);
    await click(disclosure(page));
    await waitFor(() => expect(textOf(page)).toContain('No one else at this business in GHL.'));
  });

  it('explains a failure in words and retries', async () => {
    send.mockRejectedValueOnce(
      new MessageError('offline', 'GHL cannot be reached: you are offline.'),
    );
    send.mockResolvedValueOnce({ contacts: [{ id: 'c3', name: 'Bob Roe' }] } as never);
    const { page } = await showCard(AT_ACME);
    await click(disclosure(page));
    await waitFor(() =>
      expect(textOf(page)).toContain(
        'Could not load the others at this business. GHL cannot be reached: you are offline.',
      ),
    );
    await click(button(page, 'Retry'));
    await waitFor(() => expect(textOf(page.querySelector('li.panel__item')!)).toBe('Bob Roe'));
    expect(send).toHaveBeenCalledTimes(2);
    expect(textOf(page)).not.toContain('Could not load');
  });
});
