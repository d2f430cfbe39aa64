// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, mount, settle, textOf } from '@/components/sync/__tests__/render-page';
import type { SyncedParts } from '@/utils/messaging/transcript-view-schema';
import { fakeActions, JANE, viewOf } from '../contact/__tests__/card-harness';
import { LinkedContact } from '../linked-contact';
import { PanelActionsContext } from '../panel-actions';
import { panelRecords } from '../panel-records';

const ALL: SyncedParts = {
  contactDetails: true,
  tasks: true,
  notes: true,
  appointments: true,
  businessContacts: true,
};

let unmount = () => {};
afterEach(() => unmount());

/** The linked panel for Jane, who has a business, showing `shows`. */
async function showLinked(shows: SyncedParts | undefined) {
  const contact = { ...JANE, businessId: 'b1' };
  const view = viewOf(contact, { contact: { ...contact }, shows });
  const page = await mount(
    <PanelActionsContext.Provider value={fakeActions().actions}>
      <LinkedContact
        page={{ transcriptId: 't1', title: 'Call with Jane', speakers: [] }}
        view={{ ...view, link: view.link! }}
        records={panelRecords(view)}
        transcript={{ view, show: vi.fn(), reload: vi.fn() }}
      />
    </PanelActionsContext.Provider>,
  );
  unmount = page.unmount;
  await settle();
  return page.container;
}

/** The headings of the sections after the contact card (the card has its own, e.g. Tags). */
const sections = (page: Element) =>
  [...page.querySelectorAll('h3')].filter((h) => !h.closest('.contact')).map(textOf);

describe('LinkedContact: what to sync', () => {
  it('shows every part when nothing is said (records from before the setting)', async () => {
    const page = await showLinked(undefined);
    expect(sections(page)).toEqual(['Tasks', 'Notes', 'Appointments', 'Activity']);
    expect(button(page, 'Others at this business')).toBeTruthy();
    expect(button(page, 'Export')).toBeTruthy();
  });

  it.each([
    ['tasks', ['Notes', 'Appointments', 'Activity']],
    ['notes', ['Tasks', 'Appointments', 'Activity']],
    ['appointments', ['Tasks', 'Notes', 'Activity']],
  ] as const)('hides %s when they are not synced', async (part, shown) => {
    const page = await showLinked({ ...ALL, [part]: false });
    expect(sections(page)).toEqual(shown);
  });

  it('hides "Others at this business" when business contacts are not synced', async () => {
    const page = await showLinked({ ...ALL, businessContacts: false });
    expect(() => button(page, 'Others at this business')).toThrow();
    expect(sections(page)).toEqual(['Tasks', 'Notes', 'Appointments', 'Activity']);
  });

  it('contact details off: the name and a line saying so; the rest still shows', async () => {
    const page = await showLinked({ ...ALL, contactDetails: false });
    expect(textOf(page.querySelector('h2')!)).toBe('Jane Doe');
    expect(textOf(page)).toContain('Contact details are not synced (Settings → What to sync)');
    expect(page.querySelector('dl dt')).toBeNull();
    expect(sections(page)).toEqual(['Tasks', 'Notes', 'Appointments', 'Activity']);
    expect(button(page, 'Export')).toBeTruthy();
  });
});
