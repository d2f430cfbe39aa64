import type { MappingRule } from '../messaging/field-mapping-schema';
import { targetLabel } from './field-mapping';

/**
 * A rule's label as the person should read it: its target label, unless that label is the id of
 * the custom field the rule reads (it was mapped before its name was known) and the location's
 * definitions name that field; then its name.
 */
export function namedRuleLabel(
  rule: MappingRule,
  customFields: readonly { id: string; name: string }[] | undefined,
): string {
  const label = targetLabel(rule.target);
  if (rule.source.kind !== 'custom' || label !== rule.source.id) return label;
  return customFields?.find((field) => field.id === label)?.name ?? label;
}
