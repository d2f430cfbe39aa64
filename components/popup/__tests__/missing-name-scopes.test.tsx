// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount, textOf } from '@/components/sync/__tests__/render-page';
import { namedRuleLabel } from '@/utils/mapping/named-label';
import type { MappingRule } from '@/utils/messaging/field-mapping-schema';
import { MissingNameScopes } from '../missing-name-scopes';

let unmount = () => {};
afterEach(() => unmount());

async function line(missingScopes: string[] | undefined) {
  const names = missingScopes && { users: [], customFields: [], missingScopes };
  const page = await mount(<MissingNameScopes names={names} />);
  unmount = page.unmount;
  return textOf(page.container);
}

describe('MissingNameScopes', () => {
  it.each([
    [['users.readonly'], "Grant users.readonly to see people's names instead of ids."],
    [
      ['locations/customFields.readonly'],
      "Grant locations/customFields.readonly to see custom fields' names instead of ids.",
    ],
    [
      ['users.readonly', 'locations/customFields.readonly'],
      "Grant users.readonly and locations/customFields.readonly to see people's names and custom fields' names instead of ids.",
    ],
    [[], ''],
    [undefined, ''],
  ])('%j → %s', async (missing, expected) => {
    expect(await line(missing)).toBe(expected);
  });
});

describe('namedRuleLabel', () => {
  const rule = (label: string): MappingRule =>
    ({
      id: 'r1',
      source: { kind: 'custom', id: 'cf-stage', label: 'cf-stage' },
      target: { kind: 'custom', label },
      showOnCard: true,
    }) as MappingRule;
  const fields = [{ id: 'cf-stage', name: 'Deal stage' }];

  it('names a field labelled by its id, and leaves a label the person gave', () => {
    expect(namedRuleLabel(rule('cf-stage'), fields)).toBe('Deal stage');
    expect(namedRuleLabel(rule('cf-stage'), undefined)).toBe('cf-stage');
    expect(namedRuleLabel(rule('Stage'), fields)).toBe('Stage');
  });
});
