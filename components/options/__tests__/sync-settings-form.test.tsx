// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SYNC_SETTINGS } from '@/utils/storage/sync-settings';
import {
  button,
  click,
  input,
  mount,
  settle,
  textOf,
  type,
  waitFor,
} from '../../sync/__tests__/render-page';
import { SyncSettingsForm } from '../sync-settings-form';
import { SYNC_SETTINGS_KEY } from '@/utils/storage/sync-settings-item';
import { listenAsBackground } from '@/test/support/settings-background';

const stored = async () =>
  (await fakeBrowser.storage.session.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY];
const OPEN_TAB = 'Transcript open in a tab (s)';
const SHARE = 'Background share of the GHL rate limit (%)';

let unmount = () => {};
async function show() {
  const page = await mount(<SyncSettingsForm />);
  unmount = page.unmount;
  await settle();
  return page.container;
}
/** The checkbox or radio named `text` by the label around it. */
const radio = (page: Element, text: string) => {
  const label = [...page.querySelectorAll('label')].find((l) => textOf(l) === text);
  if (!label) throw new Error(`No control labelled ${text}`);
  return label.querySelector('input')!;
};
const checkbox = radio;
const PARTS = ['Contact details', 'Tasks', 'Appointments', 'Others at this business'];

describe('SyncSettingsForm', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    listenAsBackground();
  });
  afterEach(() => unmount());

  it('shows the defaults when nothing is stored, the share in percent', async () => {
    const page = await show();
    expect(input(page, OPEN_TAB).value).toBe('30');
    expect(input(page, SHARE).value).toBe('50');
    expect(radio(page, 'All notes').checked).toBe(true);
  });

  it('shows the stored settings', async () => {
    await fakeBrowser.storage.session.set({
      [SYNC_SETTINGS_KEY]: { ...DEFAULT_SYNC_SETTINGS, recentMinutes: 10, notes: 'pinned' },
    });
    const page = await show();
    expect(input(page, 'Transcripts viewed in the last 24 h (min)').value).toBe('10');
    expect(radio(page, 'Key (pinned) notes only').checked).toBe(true);
  });

  it('marks an invalid field as it is typed, and does not save it', async () => {
    const page = await show();
    const field = input(page, OPEN_TAB);
    await type(field, '10');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    const error = page.querySelector(`#${describedBy[1]}`);
    expect(error?.textContent).toBe('Enter a whole number from 30 to 3600 s.');

    await click(button(page, 'Save'));
    expect(page.querySelector('[role="alert"]')?.textContent).toBe(
      'Fix the fields marked above, then save.',
    );
    expect(await stored()).toBeUndefined();
  });

  it('saves valid settings to storage.session', async () => {
    const page = await show();
    await type(input(page, OPEN_TAB), '45');
    await type(input(page, SHARE), '30');
    await click(radio(page, 'Key (pinned) notes only'));
    await click(button(page, 'Save'));
    expect(await stored()).toEqual({
      ...DEFAULT_SYNC_SETTINGS,
      openTabSeconds: 45,
      backgroundShare: 0.3,
      notes: 'pinned',
    });
    expect(page.querySelector('[role="status"]')?.textContent).toMatch(/^Saved\./);
  });

  it('shows What to sync: every part on by default, each saying what switching it off saves', async () => {
    const page = await show();
    const group = [...page.querySelectorAll('fieldset')].find(
      (f) => textOf(f.querySelector('legend')!) === 'What to sync',
    )!;
    expect(group).toBeDefined();
    for (const name of PARTS) {
      const box = checkbox(group, name);
      expect(box.type).toBe('checkbox');
      expect(box.checked).toBe(true);
      const hint = page.querySelector(`#${box.getAttribute('aria-describedby')}`);
      expect(textOf(hint!)).toMatch(/saves/);
    }
    for (const name of ['All notes', 'Key (pinned) notes only', 'No notes']) {
      expect(radio(group, name).type).toBe('radio');
    }
    const notes = radio(group, 'No notes').closest('fieldset')!;
    expect(textOf(page.querySelector(`#${notes.getAttribute('aria-describedby')}`)!)).toMatch(
      /No notes saves one GHL request/,
    );
  });

  it('saves the parts switched off and No notes, and reads them back', async () => {
    const page = await show();
    await click(checkbox(page, 'Tasks'));
    await click(checkbox(page, 'Others at this business'));
    await click(radio(page, 'No notes'));
    await click(button(page, 'Save'));
    expect(await stored()).toEqual({
      ...DEFAULT_SYNC_SETTINGS,
      tasks: false,
      businessContacts: false,
      notes: 'off',
    });
    unmount();
    const again = await show();
    expect(checkbox(again, 'Tasks').checked).toBe(false);
    expect(checkbox(again, 'Others at this business').checked).toBe(false);
    expect(checkbox(again, 'Contact details').checked).toBe(true);
    expect(radio(again, 'No notes').checked).toBe(true);

    await click(checkbox(again, 'Tasks'));
    await click(checkbox(again, 'Appointments'));
    await click(button(again, 'Save'));
    expect(await stored()).toMatchObject({ tasks: true, appointments: false, notes: 'off' });
  });

  it('resets to the defaults', async () => {
    await fakeBrowser.storage.session.set({
      [SYNC_SETTINGS_KEY]: { ...DEFAULT_SYNC_SETTINGS, otherMinutes: 240, tasks: false },
    });
    const page = await show();
    expect(checkbox(page, 'Tasks').checked).toBe(false);
    await type(input(page, OPEN_TAB), '99');
    await click(button(page, 'Reset to defaults'));
    expect(await stored()).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(input(page, OPEN_TAB).value).toBe('30');
    expect(input(page, 'Transcripts viewed in the last 30 days (min)').value).toBe('60');
    expect(checkbox(page, 'Tasks').checked).toBe(true);
  });

  it('follows a change saved elsewhere, but not over unsaved edits', async () => {
    const page = await show();
    await fakeBrowser.storage.session.set({
      [SYNC_SETTINGS_KEY]: { ...DEFAULT_SYNC_SETTINGS, openTabSeconds: 60 },
    });
    await waitFor(() => expect(input(page, OPEN_TAB).value).toBe('60'));

    await type(input(page, SHARE), '40');
    await fakeBrowser.storage.session.set({
      [SYNC_SETTINGS_KEY]: { ...DEFAULT_SYNC_SETTINGS, openTabSeconds: 90 },
    });
    await settle();
    expect(input(page, OPEN_TAB).value).toBe('60');
    expect(input(page, SHARE).value).toBe('40');
  });
});
