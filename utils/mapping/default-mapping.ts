import type { FieldMapping, MappingRule } from './field-mapping';

/**
 * The mapping used until a person chooses one: who the speaker is and where they work, how to
 * reach them, their tags, a summary header, the GHL user who owns them and when GHL last changed
 * them. The card leaves out the speaker name and the summary header: its heading shows the name.
 */
const DEFAULT_RULES: MappingRule[] = [
  {
    id: 'speaker-name',
    source: { kind: 'standard', field: 'name' },
    target: { kind: 'field', field: 'speakerName' },
    showOnCard: false,
  },
  {
    id: 'organisation',
    source: { kind: 'standard', field: 'companyName' },
    target: { kind: 'field', field: 'organisation' },
    showOnCard: true,
  },
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
    id: 'tags',
    source: { kind: 'standard', field: 'tags' },
    target: { kind: 'field', field: 'tags' },
    showOnCard: true,
  },
  {
    id: 'summary-header',
    source: { kind: 'standard', field: 'name' },
    target: { kind: 'field', field: 'summaryHeader' },
    transform: {
      kind: 'join',
      with: [{ kind: 'standard', field: 'companyName' }],
      separator: ' — ',
    },
    showOnCard: false,
  },
  {
    id: 'owner',
    source: { kind: 'standard', field: 'assignedTo' },
    target: { kind: 'custom', label: 'Owner' },
    // GHL sends a user id, which says nothing to a person (names need users.readonly): kept in
    // the record and exports, off the card until a person turns it on.
    showOnCard: false,
  },
  {
    id: 'updated',
    source: { kind: 'standard', field: 'dateUpdated' },
    target: { kind: 'custom', label: 'Updated' },
    transform: { kind: 'date', style: 'medium' },
    showOnCard: true,
  },
];

/** The default mapping, frozen: shared by every caller, so nobody may edit it in place. */
export const DEFAULT_MAPPING: FieldMapping = deepFreeze({ version: 2, rules: DEFAULT_RULES });

/** A fresh copy of the default mapping, safe to edit (a draft, a reset). */
export function defaultMapping(): FieldMapping {
  return structuredClone(DEFAULT_MAPPING);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
