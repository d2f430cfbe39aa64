import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { MappedFieldView } from '@/utils/messaging/transcript-view-schema';
import { BOOKKEEPING_FIELDS, targetLabel } from '@/utils/mapping/field-mapping';
import {
  type FieldMapping,
  type GhlSource,
  type MappingRule,
} from '@/utils/messaging/field-mapping-schema';
import { transformedText } from './transforms';

/**
 * A field mapping applied to a contact: the fields of a transcript's record, what changed between
 * two records, and the fields the panel lists.
 */

/** Options of the functions that read a contact. */
export interface MapOptions {
  /** For dates; the runtime's time zone by default. */
  timeZone?: string;
}

/** One rule's result for one contact. */
export interface MappedField {
  ruleId: string;
  /** The target's name, the key in the record's fields. */
  label: string;
  /** '' when the contact has nothing there. */
  text: string;
}

/** Every rule of the mapping applied to the contact, in order (texts may be ''). */
export function mapContact(
  contact: GhlContact,
  mapping: FieldMapping,
  options: MapOptions = {},
): MappedField[] {
  return mapping.rules.map((rule) => ({
    ruleId: rule.id,
    label: targetLabel(rule.target),
    text: transformedText(contact, rule.source, rule.transform, options),
  }));
}

/**
 * A transcript record's fields (label → text). Empty ones are left out; when two rules fill one
 * name (a problem the editor refuses) the first with a text wins.
 */
export function recordFields(
  contact: GhlContact,
  mapping: FieldMapping,
  options: MapOptions = {},
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { label, text } of mapContact(contact, mapping, options)) {
    if (text && !Object.hasOwn(fields, label)) fields[label] = text;
  }
  return fields;
}

/**
 * The labels whose text differs between two records, in mapping order, for "what changed" on a
 * timeline. Rules that read only bookkeeping fields (GHL moves `dateUpdated` on every edit) are
 * left out; no earlier record, nothing changed.
 */
export function changedFieldLabels(
  before: Record<string, string> | undefined,
  after: Record<string, string>,
  mapping: FieldMapping,
): string[] {
  if (!before) return [];
  const labels = new Set<string>();
  for (const rule of mapping.rules) {
    const label = targetLabel(rule.target);
    if (readsOnlyBookkeeping(rule) || (before[label] ?? '') === (after[label] ?? '')) continue;
    labels.add(label);
  }
  return [...labels];
}

/** The fields of a record the panel lists and exports: mapping order, empty ones left out. */
export function mappedFieldViews(
  fields: Record<string, string> | undefined,
  mapping: FieldMapping,
): MappedFieldView[] {
  const views: MappedFieldView[] = [];
  const seen = new Set<string>();
  for (const rule of mapping.rules) {
    const label = targetLabel(rule.target);
    // Own fields only: a label like "constructor" must not read Object's.
    const text = fields && Object.hasOwn(fields, label) ? fields[label] : undefined;
    if (typeof text !== 'string' || !text || seen.has(label)) continue;
    seen.add(label);
    const live = liveField(rule);
    views.push({
      label,
      text,
      onCard: rule.showOnCard,
      ...(live ? { live } : {}),
      ...namedBy(rule, label),
    });
  }
  return views;
}

const LIVE_FIELDS = ['name', 'email', 'phone', 'companyName', 'tags'] as const;
type LiveField = (typeof LIVE_FIELDS)[number];

/**
 * The contact field the card can edit that a rule shows unchanged (so a pending edit shows at
 * once); none when the rule transforms it: the card cannot tell what the edit would become.
 */
function liveField(rule: MappingRule): LiveField | undefined {
  if (rule.transform || rule.source.kind !== 'standard') return undefined;
  const field = rule.source.field;
  return (LIVE_FIELDS as readonly string[]).includes(field) ? (field as LiveField) : undefined;
}

/**
 * What the panel may name in a rule's view (utils/names/): a user id read unchanged (the owner),
 * or a label that is a custom field's id (mapped before its name was known).
 */
function namedBy(
  rule: MappingRule,
  label: string,
): Pick<MappedFieldView, 'user' | 'customFieldId'> {
  if (rule.transform) return {};
  const { source } = rule;
  if (source.kind === 'standard') return source.field === 'assignedTo' ? { user: true } : {};
  return label === source.id ? { customFieldId: source.id } : {};
}

/** Every source a rule reads: its own and, for a join, the joined ones. */
export function ruleSources(rule: MappingRule): GhlSource[] {
  return rule.transform?.kind === 'join' ? [rule.source, ...rule.transform.with] : [rule.source];
}

function readsOnlyBookkeeping(rule: MappingRule): boolean {
  return ruleSources(rule).every(
    (source) => source.kind === 'standard' && BOOKKEEPING_FIELDS.includes(source.field),
  );
}
