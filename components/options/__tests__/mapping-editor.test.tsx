// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_MAPPING, defaultMapping } from '@/utils/mapping/default-mapping';
import { type FieldMapping } from '@/utils/messaging/field-mapping-schema';
import { MessageError, sendMessage } from '@/utils/messaging/send-message';
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
import { answer, check, choose, rule, ruleNames, rules, select, sent } from './mapping-harness';
import { MAPPING_KEY } from '@/utils/storage/field-mapping-item';

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));

/** A live mapping of three rules, shorter to read than the default. */
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
      id: 'phone',
      source: { kind: 'standard', field: 'phone' },
      target: { kind: 'field', field: 'phone' },
      showOnCard: true,
    },
    {
      id: 'owner',
      source: { kind: 'standard', field: 'assignedTo' },
      target: { kind: 'custom', label: 'Owner' },
      showOnCard: false,
    },
  ],
};
const CUSTOM_FIELDS = [{ id: 'cf_budget', name: 'Budget', example: '5000' }, { id: 'cf_unnamed' }];

let unmount = () => {};
async function show(answers: Parameters<typeof answer>[0] = {}) {
  answer({
    'mapping/get': { mapping: LIVE },
    'mapping/custom-fields': { fields: CUSTOM_FIELDS },
    'mapping/save': ({ mapping }: { mapping: FieldMapping }) => ({ mapping, updated: 3 }),
    ...answers,
  });
  const page = await mount(<MappingEditor />);
  unmount = page.unmount;
  await waitFor(() => button(page.container, 'Apply'));
  return page.container;
}
const alertText = (page: Element) => page.querySelector('[role="alert"]')?.textContent ?? '';
/** What Apply sent, the draft as a mapping. */
const applied = () =>
  sent('mapping/save').map((payload) => (payload as { mapping: FieldMapping }).mapping);

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(sendMessage).mockReset();
});
afterEach(() => unmount());

describe('MappingEditor: the draft', () => {
  it('shows the live mapping as the draft, each rule named by its target', async () => {
    const page = await show();
    expect(ruleNames(page)).toEqual(['Rule 1: Email', 'Rule 2: Phone', 'Rule 3: Owner']);
    expect(textOf(page)).toContain('The draft is the live mapping.');
    expect(select(rule(page, 'Owner'), 'GHL field').value).toBe('standard:assignedTo');
    expect(select(rule(page, 'Owner'), 'Trint transcript field').value).toBe('custom');
    expect(input(rule(page, 'Owner'), 'Custom label').value).toBe('Owner');
    expect(check(rule(page, 'Owner'), 'Show on card').checked).toBe(false);
    expect(button(page, 'Discard draft').disabled).toBe(true);
  });

  it('adds a rule that is valid as it stands, and focuses its GHL field', async () => {
    const page = await show();
    await click(button(page, 'Add a rule'));
    expect(ruleNames(page)).toEqual([
      'Rule 1: Email',
      'Rule 2: Phone',
      'Rule 3: Owner',
      'Rule 4: Full name',
    ]);
    const added = rule(page, 'Full name');
    expect(document.activeElement).toBe(select(added, 'GHL field'));
    expect(added.querySelector('[aria-invalid]')).toBeNull();
    expect(textOf(page)).toContain('The draft has changes that are not live yet.');
  });

  it('removes a rule and focuses the next one', async () => {
    const page = await show();
    await click(button(page, 'Remove ‘Phone’'));
    expect(ruleNames(page)).toEqual(['Rule 1: Email', 'Rule 2: Owner']);
    expect(document.activeElement).toBe(select(rule(page, 'Owner'), 'GHL field'));
    expect(textOf(page)).toContain('‘Phone’ was removed from the draft.');
  });

  it('reorders with Move up and Move down, keeping the focus on the moved rule', async () => {
    const page = await show();
    expect(button(page, 'Move ‘Email’ up').disabled).toBe(true);
    await click(button(page, 'Move ‘Email’ down'));
    expect(ruleNames(page)).toEqual(['Rule 1: Phone', 'Rule 2: Email', 'Rule 3: Owner']);
    expect(document.activeElement).toBe(button(page, 'Move ‘Email’ down'));
    expect(textOf(page)).toContain('‘Email’ is now rule 2 of 3.');
    await click(button(page, 'Move ‘Email’ down'));
    expect(ruleNames(page)).toEqual(['Rule 1: Phone', 'Rule 2: Owner', 'Rule 3: Email']);
    // At the bottom "down" is disabled: the focus goes to "up" rather than the page.
    expect(document.activeElement).toBe(button(page, 'Move ‘Email’ up'));
    await click(button(page, 'Move ‘Owner’ up'));
    expect(ruleNames(page)).toEqual(['Rule 1: Owner', 'Rule 2: Phone', 'Rule 3: Email']);
  });

  it('picks standard and custom GHL fields, Trint fields and custom labels', async () => {
    const page = await show();
    const phone = rule(page, 'Phone');
    await choose(select(phone, 'GHL field'), 'custom:cf_budget');
    expect(input(phone, 'Custom field id').value).toBe('cf_budget');
    expect(input(phone, 'Custom field name').value).toBe('Budget');
    await choose(select(phone, 'Trint transcript field'), 'custom');
    await type(input(phone, 'Custom label'), 'Budget');
    const budget = rule(page, 'Budget');
    await choose(select(budget, 'GHL field'), 'custom-other');
    await type(input(budget, 'Custom field id'), 'cf_typed');
    await type(input(budget, 'Custom field name'), 'Typed');
    await choose(select(rule(page, 'Email'), 'Trint transcript field'), 'field:summaryHeader');
    await click(button(page, 'Apply'));
    expect(applied()[0]!.rules.slice(0, 2)).toEqual([
      { ...LIVE.rules[0], target: { kind: 'field', field: 'summaryHeader' } },
      {
        id: 'phone',
        source: { kind: 'custom', id: 'cf_typed', label: 'Typed' },
        target: { kind: 'custom', label: 'Budget' },
        showOnCard: true,
      },
    ]);
  });

  it('lists the standard fields and the custom fields the background knows, by name', async () => {
    const page = await show();
    const groups = [...select(rule(page, 'Email'), 'GHL field').querySelectorAll('optgroup')];
    expect(groups.map((group) => group.label)).toEqual(['Standard fields', 'Custom fields']);
    expect(groups[0]!.querySelectorAll('option').length).toBeGreaterThan(20);
    expect([...groups[1]!.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Budget — e.g. 5000',
      'Unnamed (cf_unnamed)',
      'Another custom field (type its id)…',
    ]);
  });

  it('names an unnamed custom field, in every picker, by the name the draft gives it', async () => {
    const page = await show();
    const optionText = (picker: HTMLSelectElement, value: string) =>
      [...picker.options].find((option) => option.value === value)?.textContent;
    const phone = rule(page, 'Phone');
    await choose(select(phone, 'GHL field'), 'custom:cf_unnamed');
    expect(optionText(select(phone, 'GHL field'), 'custom:cf_unnamed')).toBe(
      'Unnamed (cf_unnamed)',
    );
    await type(input(phone, 'Custom field name'), 'Deal stage');
    // A name the location's definitions give wins over one typed in the draft.
    await choose(select(rule(page, 'Email'), 'GHL field'), 'custom:cf_budget');
    await type(input(rule(page, 'Email'), 'Custom field name'), 'Money');
    const owner = rule(page, 'Owner');
    await choose(select(owner, 'Transform'), 'join');
    for (const picker of [
      select(phone, 'GHL field'),
      select(owner, 'GHL field'),
      select(owner, 'Joined field 1'),
    ]) {
      expect(optionText(picker, 'custom:cf_unnamed')).toBe('Deal stage');
      expect(optionText(picker, 'custom:cf_budget')).toBe('Budget — e.g. 5000');
    }
    // Picked elsewhere, the field takes that name.
    await choose(select(owner, 'Joined field 1'), 'custom:cf_unnamed');
    expect(input(owner, 'Custom field name').value).toBe('Deal stage');
    await click(button(page, 'Apply'));
    const [, phoneRule, ownerRule] = applied()[0]!.rules;
    expect(phoneRule!.source).toEqual({ kind: 'custom', id: 'cf_unnamed', label: 'Deal stage' });
    expect(ownerRule!.transform).toMatchObject({
      with: [{ kind: 'custom', id: 'cf_unnamed', label: 'Deal stage' }],
    });
  });

  it('sets each transform and what it needs', async () => {
    const page = await show();
    const owner = rule(page, 'Owner');
    await choose(select(owner, 'Transform'), 'join');
    await choose(select(owner, 'Joined field 1'), 'standard:email');
    await click(button(owner, 'Add a field to join'));
    await choose(select(owner, 'Joined field 2'), 'standard:phone');
    await type(input(owner, 'Separator'), ' / ');
    await choose(select(rule(page, 'Email'), 'GHL field'), 'standard:name');
    await choose(select(rule(page, 'Email'), 'Transform'), 'first');
    await choose(select(rule(page, 'Phone'), 'Transform'), 'tag-filter');
    // Phone is no tag list: the problem shows, so make the rule read tags instead.
    expect(select(rule(page, 'Phone'), 'Transform').getAttribute('aria-invalid')).toBe('true');
    await choose(select(rule(page, 'Phone'), 'GHL field'), 'standard:tags');
    await click(check(rule(page, 'Phone'), 'Every tag but these'));
    await type(input(rule(page, 'Phone'), 'Tags'), 'vip,lead*');
    await click(button(page, 'Apply'));
    expect(alertText(page)).toBe('');
    const [email, phone, owner2] = applied()[0]!.rules;
    expect(email!.transform).toEqual({ kind: 'name-part', part: 'first' });
    expect(phone!.transform).toEqual({
      kind: 'tag-filter',
      mode: 'exclude',
      tags: ['vip', 'lead*'],
    });
    expect(owner2!.transform).toEqual({
      kind: 'join',
      with: [
        { kind: 'standard', field: 'email' },
        { kind: 'standard', field: 'phone' },
      ],
      separator: ' / ',
    });
  });

  it('offers the date styles with examples, and None leaves no transform', async () => {
    const page = await show();
    const owner = rule(page, 'Owner');
    await choose(select(owner, 'GHL field'), 'standard:dateAdded');
    await choose(select(owner, 'Transform'), 'date');
    const styles = select(owner, 'Date style');
    expect([...styles.options].map((o) => o.textContent)).toContain('ISO: 2026-11-27');
    await choose(styles, 'iso');
    await click(button(page, 'Apply'));
    expect(applied()[0]!.rules[2]!.transform).toEqual({ kind: 'date', style: 'iso' });
    await choose(select(rule(page, 'Owner'), 'Transform'), 'none');
    await click(button(page, 'Apply'));
    expect(applied()[1]!.rules[2]).not.toHaveProperty('transform');
  });
});

describe('MappingEditor: problems block Apply', () => {
  it('shows a problem beside its rule, marks the control, and refuses to apply', async () => {
    const page = await show();
    const owner = rule(page, 'Owner');
    await choose(select(owner, 'Trint transcript field'), 'field:email');
    const target = select(rule(page, 'Email'), 'Trint transcript field');
    const second = rules(page)[2]!;
    const marked = select(second, 'Trint transcript field');
    expect(marked.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(marked.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Two rules fill ‘Email’');
    expect(target.getAttribute('aria-invalid')).toBeNull();
    await click(button(page, 'Apply'));
    expect(sent('mapping/save')).toEqual([]);
    expect(alertText(page)).toBe('Not applied: fix the problem marked in the draft first.');
  });

  it('says in words what the format refuses (an empty custom label)', async () => {
    const page = await show();
    await type(input(rule(page, 'Owner'), 'Custom label'), ' ');
    const label = input(rules(page)[2]!, 'Custom label');
    expect(label.getAttribute('aria-invalid')).toBe('true');
    expect(textOf(rules(page)[2]!)).toContain('The custom label needs a name');
    await click(button(page, 'Apply'));
    expect(sent('mapping/save')).toEqual([]);
  });
});

describe('MappingEditor: Apply, Discard, Reset', () => {
  it('Apply sends exactly the draft and says how many records were updated', async () => {
    const page = await show();
    await click(check(rule(page, 'Owner'), 'Show on card'));
    await click(button(page, 'Apply'));
    expect(applied()).toEqual([
      { ...LIVE, rules: [LIVE.rules[0], LIVE.rules[1], { ...LIVE.rules[2], showOnCard: true }] },
    ]);
    expect(textOf(page)).toContain('The draft is live. 3 transcript records were updated.');
    expect(textOf(page)).toContain('The draft is the live mapping.');
  });

  it('keeps the draft when Apply fails, and says why', async () => {
    const page = await show({
      'mapping/save': new MessageError(
        'invalid',
        'The mapping has problems: Two rules fill ‘Email’',
      ),
    });
    await click(button(page, 'Remove ‘Phone’'));
    await click(button(page, 'Apply'));
    expect(alertText(page)).toBe('The mapping has problems: Two rules fill ‘Email’');
    expect(ruleNames(page)).toEqual(['Rule 1: Email', 'Rule 2: Owner']);
    expect(textOf(page)).toContain('The draft has changes that are not live yet.');
  });

  it('Discard draft goes back to the live mapping', async () => {
    const page = await show();
    await click(button(page, 'Remove ‘Phone’'));
    await click(button(page, 'Discard draft'));
    expect(ruleNames(page)).toEqual(['Rule 1: Email', 'Rule 2: Phone', 'Rule 3: Owner']);
    expect(sent('mapping/save')).toEqual([]);
  });

  it('Reset to defaults asks first, then makes the default mapping the draft (not live)', async () => {
    const page = await show();
    await click(button(page, 'Reset to defaults'));
    expect(document.activeElement).toBe(button(page, 'Replace the draft'));
    await click(button(page, 'Cancel'));
    expect(ruleNames(page)).toHaveLength(3);
    await click(button(page, 'Reset to defaults'));
    await click(button(page, 'Replace the draft'));
    expect(ruleNames(page)).toHaveLength(DEFAULT_MAPPING.rules.length);
    expect(sent('mapping/save')).toEqual([]);
    await click(button(page, 'Apply'));
    expect(applied()).toEqual([defaultMapping()]);
  });

  it('explains a failure to load the mapping and tries again', async () => {
    answer({ 'mapping/get': new MessageError('unreachable', 'The background is not answering.') });
    const page = await mount(<MappingEditor />);
    unmount = page.unmount;
    await waitFor(() => expect(alertText(page.container)).toBe('The background is not answering.'));
    answer({ 'mapping/get': { mapping: LIVE }, 'mapping/custom-fields': { fields: [] } });
    await click(button(page.container, 'Try again'));
    await waitFor(() => expect(ruleNames(page.container)).toHaveLength(3));
  });

  it('follows a mapping stored elsewhere (the popup), but keeps an edited draft', async () => {
    const page = await show();
    const hidden = {
      ...LIVE,
      rules: [{ ...LIVE.rules[0]!, showOnCard: false }, ...LIVE.rules.slice(1)],
    };
    await fakeBrowser.storage.session.set({ [MAPPING_KEY]: hidden });
    await waitFor(() => expect(check(rule(page, 'Email'), 'Show on card').checked).toBe(false));
    expect(textOf(page)).toContain('The draft is the live mapping.');
    await click(button(page, 'Remove ‘Owner’'));
    await fakeBrowser.storage.session.set({ [MAPPING_KEY]: LIVE });
    await click(button(page, 'Move ‘Phone’ up'));
    expect(ruleNames(page)).toEqual(['Rule 1: Phone', 'Rule 2: Email']);
    expect(check(rule(page, 'Email'), 'Show on card').checked).toBe(false);
    await click(button(page, 'Discard draft'));
    expect(ruleNames(page)).toHaveLength(3);
    expect(check(rule(page, 'Email'), 'Show on card').checked).toBe(true);
  });
});
