// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultMapping } from '@/utils/mapping/default-mapping';
import type { FieldMapping } from '@/utils/messaging/field-mapping-schema';
import { mappingJson } from '@/utils/mapping/mapping-format';
import { sendMessage } from '@/utils/messaging/send-message';
import {
  button,
  click,
  input,
  mount,
  textOf,
  type,
  waitFor,
} from '../../sync/__tests__/render-page';
import { MappingEditor } from '../mapping/mapping-editor';
import { answer, pickFile, rule, ruleNames, sent } from './mapping-harness';

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));

const LIVE: FieldMapping = {
  version: 2,
  rules: [
    {
      id: 'email',
      source: { kind: 'standard', field: 'email' },
      target: { kind: 'field', field: 'email' },
      showOnCard: true,
    },
    {
      id: 'city',
      source: { kind: 'standard', field: 'city' },
      target: { kind: 'custom', label: 'City' },
      showOnCard: false,
    },
  ],
};

let unmount = () => {};
async function show() {
  answer({
    'mapping/get': { mapping: LIVE },
    'mapping/custom-fields': { fields: [] },
    'mapping/save': ({ mapping }: { mapping: FieldMapping }) => ({ mapping, updated: 1 }),
  });
  const page = await mount(<MappingEditor />);
  unmount = page.unmount;
  await waitFor(() => button(page.container, 'Apply'));
  return page.container;
}
const file = (text: string, name = 'mapping.json') =>
  new File([text], name, { type: 'application/json' });
const alertText = (page: Element) => page.querySelector('[role="alert"]')?.textContent ?? '';

/** Catches the download the page starts: the file's name and text. */
function catchDownload() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:mapping';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const links: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    links.push(this);
  });
  return { blobs, links };
}

beforeEach(() => {
  vi.mocked(sendMessage).mockReset();
});
afterEach(() => {
  unmount();
  vi.restoreAllMocks();
});

describe('MappingEditor: Import JSON', () => {
  it.each([
    ['not JSON', '{"version": 2, rules: [', /^‘mapping.json’ was not imported: Not JSON/],
    ['a newer format', '{"version": 3, "rules": []}', /made by a newer version/],
    [
      'a rule with problems',
      mappingJson({ version: 2, rules: [LIVE.rules[0]!, { ...LIVE.rules[0]!, id: 'again' }] }),
      /Two rules fill ‘Email’/,
    ],
  ])(
    'refuses %s with a clear message and keeps the draft and the live mapping',
    async (_, text, words) => {
      const page = await show();
      await type(input(rule(page, 'City'), 'Custom label'), 'Town');
      await pickFile(page, 'Import JSON file', file(text));
      expect(alertText(page)).toMatch(words);
      expect(alertText(page)).toMatch(/The draft and the live mapping are unchanged\.$/);
      expect(ruleNames(page)).toEqual(['Rule 1: Email', 'Rule 2: Town']);
      expect(sent('mapping/save')).toEqual([]);
    },
  );

  it('refuses a file too large to be a mapping, unread', async () => {
    const page = await show();
    await pickFile(page, 'Import JSON file', file(' '.repeat(300 * 1024)));
    expect(alertText(page)).toMatch(/was not imported: it is larger than 256 KB\./);
    expect(ruleNames(page)).toHaveLength(2);
  });

  it('makes a valid file the draft, not yet live', async () => {
    const page = await show();
    await pickFile(page, 'Import JSON file', file(mappingJson(defaultMapping()), 'team.json'));
    expect(alertText(page)).toBe('');
    expect(textOf(page)).toContain('‘team.json’ is now the draft (8 rules).');
    expect(ruleNames(page)[0]).toBe('Rule 1: Speaker name');
    expect(sent('mapping/save')).toEqual([]);
    await click(button(page, 'Apply'));
    expect(sent('mapping/save')).toEqual([{ mapping: defaultMapping() }]);
  });

  it('Import JSON opens the file picker', async () => {
    const page = await show();
    const picker = page.querySelector<HTMLInputElement>('input[type="file"]')!;
    const opened = vi.spyOn(picker, 'click').mockImplementation(() => {});
    await click(button(page, 'Import JSON'));
    expect(opened).toHaveBeenCalledOnce();
    expect(picker.accept).toContain('.json');
  });
});

describe('MappingEditor: Export JSON', () => {
  it('downloads the draft as a dated JSON file', async () => {
    const page = await show();
    await type(input(rule(page, 'City'), 'Custom label'), 'Town');
    const { blobs, links } = catchDownload();
    await click(button(page, 'Export JSON'));
    expect(links).toHaveLength(1);
    expect(links[0]!.download).toMatch(/^ghl-field-mapping-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(await blobs[0]!.text()) as FieldMapping;
    expect(exported).toEqual({
      version: 2,
      rules: [LIVE.rules[0], { ...LIVE.rules[1], target: { kind: 'custom', label: 'Town' } }],
    });
  });

  it('refuses to export a draft with problems', async () => {
    const page = await show();
    await type(input(rule(page, 'City'), 'Custom label'), '');
    const { links } = catchDownload();
    await click(button(page, 'Export JSON'));
    expect(links).toHaveLength(0);
    expect(alertText(page)).toBe('Not exported: fix the problem marked in the draft first.');
  });
});
