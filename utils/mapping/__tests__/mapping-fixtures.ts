import { defaultMapping } from '../default-mapping';
import type { FieldMapping } from '../field-mapping';

/**
 * The default mapping with the organisation under "Company" and the Sandbox's deal stage (a
 * custom field) added: every linked record changes with it.
 */
export function reshapedMapping(): FieldMapping {
  const mapping = defaultMapping();
  return {
    ...mapping,
    rules: [
      ...mapping.rules.filter((rule) => rule.id !== 'organisation'),
      {
        id: 'company',
        source: { kind: 'standard', field: 'companyName' },
        target: { kind: 'custom', label: 'Company' },
        showOnCard: true,
      },
      {
        id: 'deal-stage',
        source: { kind: 'custom', id: 'sbxCfDealStage000001', label: 'Deal stage' },
        target: { kind: 'custom', label: 'Deal stage' },
        showOnCard: true,
      },
    ],
  };
}
