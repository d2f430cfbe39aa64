// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, click, mount } from '@/components/sync/__tests__/render-page';
import type { ExportFormat } from '@/utils/messaging/protocol';
import { MessageError } from '@/utils/messaging/send-trint-message';
import type { ExportedFile } from '@/utils/messaging/trint-answers';
import { fakeActions } from '../../contact/__tests__/card-harness';
import { PanelActionsContext } from '../../panel-actions';
import { ExportMenu } from '../export-menu';

let unmount = () => {};
afterEach(() => unmount());

/** What the background answers to 'transcript/export' (it builds the file from the cache). */
const FILES: Record<ExportFormat, ExportedFile> = {
  markdown: { name: 'Call-with-Jane.md', text: '# Call with Jane\n\n- Contact: Jane Doe\n' },
  json: { name: 'Call-with-Jane.json', text: '{\n  "format": "ghl-for-trint/transcript"\n}\n' },
};

/** The menu, opened, with panel actions that record what is announced and a fake background. */
async function openMenu(
  ask = vi.fn(async (format: ExportFormat): Promise<ExportedFile> => FILES[format]),
) {
  const fake = fakeActions();
  const page = await mount(
    <PanelActionsContext.Provider value={fake.actions}>
      <ExportMenu ask={ask} />
    </PanelActionsContext.Provider>,
  );
  unmount = page.unmount;
  const opener = button(page.container, 'Export');
  expect(opener.getAttribute('aria-expanded')).toBe('false');
  await click(opener);
  return { ...fake, page: page.container, opener, ask };
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

  it('copies the Markdown the background built and says "Copied"', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const { page, opener, actions, ask } = await openMenu();
    await click(button(page, 'Copy as Markdown'));
    expect(ask).toHaveBeenCalledWith('markdown');
    expect(write).toHaveBeenCalledWith(FILES.markdown.text);
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

  it('downloads the Markdown under the name the background gave', async () => {
    const files = catchDownloads();
    const { page, actions } = await openMenu();
    await click(button(page, 'Download Markdown'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      name: 'Call-with-Jane.md',
      href: 'blob:https://app.trint.com/file-1',
      type: 'text/markdown;charset=utf-8',
    });
    expect(await files[0]!.text).toBe(FILES.markdown.text);
    expect(actions.announce).toHaveBeenCalledWith('Downloading Call-with-Jane.md');
  });

  it('downloads the versioned JSON', async () => {
    const files = catchDownloads();
    const { page, ask } = await openMenu();
    await click(button(page, 'Download JSON'));
    expect(ask).toHaveBeenCalledWith('json');
    expect(files.map((file) => file.name)).toEqual(['Call-with-Jane.json']);
    expect(files[0]!.type).toBe('application/json;charset=utf-8');
    expect(await files[0]!.text).toBe(FILES.json.text);
  });

  it('says the background’s words when it cannot build the file, and starts nothing', async () => {
    const files = catchDownloads();
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const refused = new MessageError(
      'refused',
      'Only a transcript linked to a contact is exported.',
    );
    const { page, actions } = await openMenu(vi.fn().mockRejectedValue(refused));
    await click(button(page, 'Download Markdown'));
    await click(button(page, 'Export'));
    await click(button(page, 'Copy as Markdown'));
    expect(files).toEqual([]);
    expect(write).not.toHaveBeenCalled();
    expect(vi.mocked(actions.announce).mock.calls).toEqual([
      ['Only a transcript linked to a contact is exported.', 'alert'],
      ['Only a transcript linked to a contact is exported.', 'alert'],
    ]);
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
