import { targetLabel } from '@/utils/mapping/field-mapping';
import { type FieldMapping } from '@/utils/messaging/field-mapping-schema';

/** Which record fields the card would start and stop listing, by their names. */
export interface CardChanges {
  /** Shown by the draft, not by the live mapping, in the draft's order. */
  shown: string[];
  /** Shown by the live mapping, not by the draft, in the live mapping's order. */
  hidden: string[];
}

/**
 * What the draft changes on the card: the card lists a record's fields whose rule says "Show on
 * card", so this compares those names in the live mapping and the draft. The background's
 * preview compares record fields only; this needs no message, both mappings are in the page.
 */
export function cardChanges(live: FieldMapping, draft: FieldMapping): CardChanges {
  const before = onCard(live);
  const after = onCard(draft);
  return {
    shown: after.filter((name) => !before.includes(name)),
    hidden: before.filter((name) => !after.includes(name)),
  };
}

/** The names of the fields a mapping puts on the card, without repeats. */
function onCard(mapping: FieldMapping): string[] {
  const names = mapping.rules
    .filter((rule) => rule.showOnCard)
    .map((rule) => targetLabel(rule.target));
  return [...new Set(names.filter(Boolean))];
}

/** The card's changes in words, or '' when the card would stay as it is. */
export function cardChangeWords({ shown, hidden }: CardChanges): string {
  return [
    shown.length ? `The card would also show: ${shown.join(', ')}.` : '',
    hidden.length ? `The card would no longer show: ${hidden.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
