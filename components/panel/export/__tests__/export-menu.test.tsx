// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, click, mount } from '@/components/sync/__tests__/render-page';
import { fakeActions } from '../../contact/__tests__/card-harness';
import { PanelActionsContext } from '../../panel-actions';
import { ExportMenu } from '../export-menu';
import { exportMarkdown } from '../transcript-export';
import { RECORD } from './export-fixture';

let unmount = () => {};
afterEach(() => unmount());

/** The menu, opened, with panel actions that record what is announced. */
async function openMenu() {
  const fake = fakeActions();
  const page = await mount(
    <PanelActionsContext.Provider value={fake.actions}>
      <ExportMenu record={() => RECORD} />
    </PanelActionsContext.Provider>,
  );
  unmount = page.unmount;
  const opener = button(page.container, 'Export');
  expect(opener.getAttribute('aria-expanded')).toBe('false');
  await click(opener);
  return { ...fake, page: page.container, opener };
}

/** Catches what a download hands the browser: the file's name, its text and its type. */
function catchDownloads() {
  const files: { name: string; href: string; text: Promise<string>; type: string }[] = [];
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((made) => {
    blob = made as Blob;
    return 'blob:https://app.trint.com/file-1';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, href: this.href, text: blob!.text(), type: blob!.type });
  });
  return files;
}

describe('ExportMenu', () => {
  it('is a disclosure of three named choices', async () => {
    const { page, opener } = await openMenu();
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    const group = page.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe('Export this transcript’s record');
    expect(opener.getAttribute('aria-controls')).toBe(group.id);
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Copy as Markdown',
      'Download Markdown',
      'Download JSON',
    ]);
  });

  it('Escape closes it and gives the focus back to Export', async () => {
    const { page, opener } = await openMenu();
    const copy = button(page, 'Copy as Markdown');
    copy.focus();
    await act(() => {
      copy.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(page.querySelector('[role="group"]')).toBeNull();
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(opener);
  });

  it('copies the Markdown and says "Copied"', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const { page, opener, actions } = await openMenu();
    await click(button(page, 'Copy as Markdown'));
    expect(write).toHaveBeenCalledWith(exportMarkdown(RECORD));
    expect(actions.announce).toHaveBeenCalledWith('Copied');
    expect(document.activeElement).toBe(opener);
  });

  it('says in words when the clipboard refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Document is not focused.', 'NotAllowedError'),
    );
    const { page, actions } = await openMenu();
    await click(button(page, 'Copy as Markdown'));
    expect(actions.announce).toHaveBeenCalledWith(
      'Could not copy: the browser refused the clipboard. Try Download Markdown.',
      'alert',
    );
    expect(actions.announce).not.toHaveBeenCalledWith('Copied');
  });

  it('downloads the Markdown under a name from the title', async () => {
    const files = catchDownloads();
    const { page, actions } = await openMenu();
    await click(button(page, 'Download Markdown'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      name: 'Call-with-Jane.md',
      href: 'blob:https://app.trint.com/file-1',
      type: 'text/markdown;charset=utf-8',
    });
    expect(await files[0]!.text).toBe(exportMarkdown(RECORD));
    expect(actions.announce).toHaveBeenCalledWith('Downloading Call-with-Jane.md');
  });

  it('downloads the versioned JSON', async () => {
    const files = catchDownloads();
    const { page } = await openMenu();
    await click(button(page, 'Download JSON'));
    expect(files.map((file) => file.name)).toEqual(['Call-with-Jane.json']);
    expect(files[0]!.type).toBe('application/json;charset=utf-8');
    const json = JSON.parse(await files[0]!.text);
    expect(json).toMatchObject({ format: 'ghl-for-trint/transcript', version: 1, ...RECORD });
  });

  it('says in words when the download cannot start', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      throw new Error('blocked');
    });
    const { page, actions } = await openMenu();
    await click(button(page, 'Download JSON'));
    expect(actions.announce).toHaveBeenCalledWith(
      'Could not download Call-with-Jane.json.',
      'alert',
    );
  });
});
