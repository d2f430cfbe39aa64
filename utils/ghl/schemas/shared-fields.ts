import { z } from 'zod';

/**
 * Field types several GHL schemas share. GHL documents most response fields as optional strings
 * but answers `null` for empty ones in practice, so optional response strings accept both.
 */

/** An optional string in a response: absent, `null` or a string. */
export const optionalText = z.string().nullish();

/** A custom field value on a contact (`CustomFieldSchema`): GHL sends strings, numbers or lists. */
export const customFieldValue = z.looseObject({
  id: z.string(),
  value: z
    .union([
      z.string(),
      z.number(),
      z.boolean(),
      z.array(z.unknown()),
      z.record(z.string(), z.unknown()),
    ])
    .nullish(),
});

/** A custom field in a create/update body (`TextField` … `FileField`: one shape, several types). */
export const customFieldInput = z.strictObject({
  id: z.string(),
  key: z.string().optional(),
  field_value: z
    .union([z.string(), z.number(), z.array(z.string()), z.record(z.string(), z.unknown())])
    .optional(),
});

/** `DndSettingSchema`: one channel's do-not-disturb state. */
const dndSetting = z.strictObject({
  status: z.enum(['active', 'inactive', 'permanent']),
  message: z.string().optional(),
  code: z.string().optional(),
});

/** `DndSettingsSchema`: do-not-disturb per channel. */
export const dndSettingsInput = z.strictObject({
  Call: dndSetting.optional(),
  Email: dndSetting.optional(),
  SMS: dndSetting.optional(),
  WhatsApp: dndSetting.optional(),
  GMB: dndSetting.optional(),
  FB: dndSetting.optional(),
});

/** `InboundDndSettingsSchema`. */
export const inboundDndSettingsInput = z.strictObject({
  all: z
    .strictObject({ status: z.enum(['active', 'inactive']), message: z.string().optional() })
    .optional(),
});

/** `DeleteContactsSuccessfulResponseDto` and friends: GHL spells it `succeded`. */
export const deletedResponse = z.looseObject({ succeded: z.boolean() });
