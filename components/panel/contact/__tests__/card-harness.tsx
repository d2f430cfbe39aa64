import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import type { MappedFieldView, TranscriptView } from '@/utils/messaging/transcript-view-schema';
import { mount, settle } from '@/components/sync/__tests__/render-page';
import { PanelActionsContext, type PanelActions } from '../../panel-actions';
import type { PanelContact, Shown } from '../../panel-records';
import { ContactCard } from '../contact-card';

/** A linked contact as the cache holds it. */
export const JANE: PanelContact = {
  id: 'c1',
  firstName: 'Jane',
  lastName: 'Doe',
  name: 'Jane Doe',
  email: 'jane@example.com',
  phone: '+1 555 010 0199',
  companyName: 'Acme',
  tags: ['vip', 'lead'],
  locationId: 'loc1',
};

/** Jane's record as the default mapping writes it (utils/mapping/default-mapping.ts). */
export const JANE_MAPPED: MappedFieldView[] = [
  { label: 'Speaker name', text: 'Jane Doe', onCard: false, live: 'name' },
  { label: 'Organisation', text: 'Acme', onCard: true, live: 'companyName' },
  { label: 'Email', text: 'jane@example.com', onCard: true, live: 'email' },
  { label: 'Phone', text: '+1 555 010 0199', onCard: true, live: 'phone' },
  { label: 'Tags', text: 'vip, lead', onCard: true, live: 'tags' },
  { label: 'Summary header', text: 'Jane Doe — Acme', onCard: false },
];

/** The view the panel shell passes, linked to `contact`. */
export function viewOf(
  contact: PanelContact,
  change: Partial<TranscriptView> = {},
): TranscriptView {
  return {
    transcriptId: 't1',
    title: 'Call with Jane',
    link: { contactId: contact.id, locationId: 'loc1', linkedAt: 1 },
    fields: Object.fromEntries(JANE_MAPPED.map(({ label, text }) => [label, text])),
    mapped: JANE_MAPPED,
    tasks: [],
    notes: [],
    appointments: [],
    activity: [],
    pending: [],
    ...change,
  };
}

/** Panel actions that store every write (or refuse them) and record announcements. */
export function fakeActions(change: Partial<PanelActions> = {}) {
  const written: OutboxOperation[] = [];
  const announced: string[] = [];
  const actions: PanelActions = {
    transcriptId: 't1',
    canWrite: true,
    online: true,
    write: vi.fn(async (operation: OutboxOperation) => {
      written.push(operation);
      return true;
    }),
    announce: vi.fn((message: string) => void announced.push(message)),
    ...change,
  };
  return { actions, written, announced };
}

let unmountLast = () => {};

/** Mounts the card as the panel shell does; unmount with {@link unmountCard}. */
export async function showCard(
  contact: Shown<PanelContact> | undefined,
  options: { view?: TranscriptView; actions?: Partial<PanelActions> } = {},
) {
  const fake = fakeActions(options.actions);
  const view = options.view ?? viewOf(contact?.record ?? JANE);
  const card = (shown: Shown<PanelContact> | undefined) => (
    <PanelActionsContext.Provider value={fake.actions}>
      <ContactCard view={view} contact={shown} />
    </PanelActionsContext.Provider>
  );
  const page = await mount(card(contact));
  unmountLast = page.unmount;
  await settle();
  /** Draws the card again with `next`, as after a sync refreshed the cached contact. */
  const rerender = async (next: Shown<PanelContact>) => {
    await act(() => render(card(next), page.container));
    await settle();
  };
  return { ...fake, page: page.container, rerender };
}

/** Removes the card mounted last. */
export const unmountCard = () => unmountLast();
