// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultMapping } from '@/utils/mapping/default-mapping';
import type { FieldMapping } from '@/utils/messaging/field-mapping-schema';
import { MessageError, sendMessage } from '@/utils/messaging/send-message';
import { click, mount, settle, textOf, waitFor } from '../../sync/__tests__/render-page';
import { CardFieldToggles } from '../card-field-toggles';

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

/** The live mapping as the background holds it; 'mapping/save' replaces it unless told to fail. */
let stored: FieldMapping;
let saveFails: Error | undefined;
function background() {
  send.mockImplementation(async (type, payload) => {
    if (type === 'mapping/get') return { mapping: structuredClone(stored) } as never;
    if (type === 'mapping/save') {
      if (saveFails) throw saveFails;
      stored = structuredClone((payload as { mapping: FieldMapping }).mapping);
      return { mapping: structuredClone(stored), updated: 2 } as never;
    }
    throw new Error(`unexpected ${type}`);
  });
}
const saves = () =>
  send.mock.calls
    .filter(([type]) => type === 'mapping/save')
    .map(([, payload]) => (payload as { mapping: FieldMapping }).mapping);

let unmount = () => {};
async function show() {
  const page = await mount(<CardFieldToggles />);
  unmount = page.unmount;
  await waitFor(() => checkbox(page.container, 'Email'));
  return page.container;
}
function checkbox(page: Element, name: string): HTMLInputElement {
  const label = [...page.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
  if (!label) throw new Error(`No checkbox named ${name}`);
  return label.querySelector('input')!;
}
const checked = (page: Element) =>
  [...page.querySelectorAll('label')].map(
    (label) => `${label.textContent?.trim()}: ${label.querySelector('input')!.checked}`,
  );

beforeEach(() => {
  send.mockReset();
  stored = defaultMapping();
  saveFails = undefined;
  background();
});
afterEach(() => unmount());

describe('CardFieldToggles', () => {
  it('lists every mapped field by its name, checked when the card shows it', async () => {
    const page = await show();
    expect(page.querySelector('h2')?.textContent).toBe('Fields on the card');
    expect(page.querySelector('[role="group"]')?.getAttribute('aria-labelledby')).toBe(
      page.querySelector('h2')?.id,
    );
    expect(checked(page)).toEqual([
      'Speaker name: false',
      'Organisation: true',
      'Email: true',
      'Phone: true',
      'Tags: true',
      'Summary header: false',
      'Owner: false',
      'Updated: true',
    ]);
  });

  it('saves at once the live mapping changed only in that flag', async () => {
    const page = await show();
    await click(checkbox(page, 'Email'));
    const expected = defaultMapping();
    expected.rules[2]!.showOnCard = false;
    expect(saves()).toEqual([expected]);
    expect(checkbox(page, 'Email').checked).toBe(false);
    await click(checkbox(page, 'Summary header'));
    expected.rules[5]!.showOnCard = true;
    // The second save builds on the first: Email stays hidden.
    expect(saves()[1]).toEqual(expected);
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('keeps a mapping the options page applied after the popup opened', async () => {
    const page = await show();
    // Applied elsewhere while this popup stayed open: a new rule.
    stored = {
      ...stored,
      rules: [
        ...stored.rules,
        {
          id: 'city',
          source: { kind: 'standard', field: 'city' },
          target: { kind: 'custom', label: 'City' },
          showOnCard: true,
        },
      ],
    };
    await click(checkbox(page, 'Phone'));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]!.rules.map((r) => r.id)).toContain('city');
    expect(saves()[0]!.rules.find((r) => r.id === 'phone')!.showOnCard).toBe(false);
    await waitFor(() => expect(checkbox(page, 'City').checked).toBe(true));
  });

  it('says why a save failed and puts the checkbox back', async () => {
    saveFails = new MessageError('unreachable', 'The background is not answering.');
    const page = await show();
    await click(checkbox(page, 'Phone'));
    await settle();
    expect(checkbox(page, 'Phone').checked).toBe(true);
    expect(textOf(page.querySelector('[role="alert"]')!)).toBe(
      '‘Phone’ could not be hidden from the card: The background is not answering.',
    );
    expect(stored).toEqual(defaultMapping());
    // The next toggle starts from the live mapping, not from the failed one.
    saveFails = undefined;
    await click(checkbox(page, 'Tags'));
    const expected = defaultMapping();
    expected.rules[4]!.showOnCard = false;
    expect(saves().at(-1)).toEqual(expected);
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('explains a mapping it could not read', async () => {
    send.mockRejectedValue(new MessageError('unreachable', 'The background is not answering.'));
    const page = await mount(<CardFieldToggles />);
    unmount = page.unmount;
    await waitFor(() =>
      expect(page.container.querySelector('[role="alert"]')?.textContent).toBe(
        'The background is not answering.',
      ),
    );
  });
});
