import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { MessageType } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send-message';
import { settle } from '../../sync/__tests__/render-page';

/**
 * What the mapping editor's tests share: answers to the background's messages by type, and
 * finding selects and rules by their accessible names. Test files mock send-message themselves
 * (vi.mock is hoisted per file).
 */

type Answers = Partial<Record<MessageType, unknown>>;

/** Answers each message type from `answers` (an Error is thrown, a function is called). */
export function answer(answers: Answers) {
  vi.mocked(sendMessage).mockImplementation(async (type, payload) => {
    const value = answers[type];
    if (value instanceof Error) throw value;
    if (typeof value === 'function') return (await value(payload)) as never;
    if (value === undefined) throw new Error(`No answer for ${type}`);
    return structuredClone(value) as never;
  });
}

/** The payloads sent with `type`, in order. */
export function sent(type: MessageType): unknown[] {
  return vi
    .mocked(sendMessage)
    .mock.calls.filter(([sentType]) => sentType === type)
    .map(([, payload]) => payload);
}

function labelOf(element: Element): string {
  const id = element.getAttribute('id');
  const label = id ? element.ownerDocument.querySelector(`label[for="${id}"]`) : null;
  return element.getAttribute('aria-label') ?? label?.textContent?.trim() ?? '';
}

/** The select labelled `name` inside `container`; throws if there is none. */
export function select(container: Element, name: string): HTMLSelectElement {
  const found = [...container.querySelectorAll('select')].find((s) => labelOf(s) === name);
  if (!found) throw new Error(`No select named ${name}`);
  return found;
}

/** The checkbox or radio whose label reads `name`. */
export function check(container: Element, name: string): HTMLInputElement {
  const found = [...container.querySelectorAll('label')].find(
    (label) => label.textContent?.trim() === name && label.querySelector('input'),
  );
  if (!found) throw new Error(`No checkbox named ${name}`);
  return found.querySelector('input')!;
}

/** Picks `value` in a select, as a person would (one change event). */
export async function choose(element: HTMLSelectElement, value: string): Promise<void> {
  if (![...element.options].some((option) => option.value === value)) {
    throw new Error(`No option ${value} in ${labelOf(element)}`);
  }
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** The rule groups, in order (each a fieldset named "Rule n: <target>"). */
export function rules(container: Element): HTMLFieldSetElement[] {
  return [...container.querySelectorAll<HTMLFieldSetElement>('fieldset.mapping-rule__group')];
}

/** The legends of the rules: ["Rule 1: Speaker name", …]. */
export function ruleNames(container: Element): string[] {
  return rules(container).map(
    (rule) => rule.querySelector('legend')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

/** The rule whose legend ends with `name`. */
export function rule(container: Element, name: string): HTMLFieldSetElement {
  const found = rules(container).find((group) =>
    group.querySelector('legend')?.textContent?.trim().endsWith(`: ${name}`),
  );
  if (!found) throw new Error(`No rule named ${name}`);
  return found;
}

/** Picks `file` in the hidden file input named `name`. */
export async function pickFile(container: Element, name: string, file: File): Promise<void> {
  const input = container.querySelector<HTMLInputElement>(
    `input[type="file"][aria-label="${name}"]`,
  );
  if (!input) throw new Error(`No file input named ${name}`);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}
