import type { FieldMapping, GhlSource } from '@/utils/messaging/field-mapping-schema';
import type { CustomFieldChoice } from '@/utils/messaging/protocol';

/**
 * The custom fields the editor offers, each with the best name it has: the one the location's
 * definitions give ('mapping/custom-fields'), else the first one the draft gives its id (a rule
 * or a joined field the person named), else none (the picker says "Unnamed (id)"). A name typed
 * in one rule then reads in every picker, and picking the field elsewhere takes that name.
 */
export function namedCustomFields(
  fields: CustomFieldChoice[],
  draft: FieldMapping,
): CustomFieldChoice[] {
  const named = draftNames(draft);
  return fields.map((field) => {
    const name = field.name ?? named.get(field.id);
    return name === undefined ? field : { ...field, name };
  });
}

/** Custom field id → the first name the draft gives it, in rule order. */
function draftNames(draft: FieldMapping): Map<string, string> {
  const names = new Map<string, string>();
  for (const rule of draft.rules) {
    const sources: GhlSource[] = [
      rule.source,
      ...(rule.transform?.kind === 'join' ? rule.transform.with : []),
    ];
    for (const source of sources) {
      if (source.kind !== 'custom' || names.has(source.id)) continue;
      const name = source.label.trim();
      // Picking an unnamed field fills in its id as its name: that is no name.
      if (name && name !== source.id) names.set(source.id, name);
    }
  }
  return names;
}
