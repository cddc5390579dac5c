import { z } from 'zod';

/**
 * The clerk's village list (OPERATIONS.md): what the county knows is due at one village point. The county's
 * social-security system feeds it; a kiosk receives only its own point's list, names in full for the clerk who
 * knows the villagers, ID numbers masked (the clerk needs the person, not the number).
 */
export const VillageDutyKindSchema = z.enum(['certificationDue', 'cardExpiring', 'pinLocked', 'contributionUnpaid']);
export type VillageDutyKind = z.infer<typeof VillageDutyKindSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One entry as the county keeps it (admin API): the full ID number stays at the county. */
export const VillageDutyEntrySchema = z
  .object({
    kind: VillageDutyKindSchema,
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    name: z.string().trim().min(1).max(40),
    /** certificationDue: by when; cardExpiring: the card's expiry; pinLocked: since; contributionUnpaid: the year's deadline. */
    date: IsoDate,
  })
  .strict();
export type VillageDutyEntry = z.infer<typeof VillageDutyEntrySchema>;

export const VillageDutiesUploadSchema = z.object({ entries: z.array(VillageDutyEntrySchema).max(20_000) }).strict();

/** One entry as a kiosk receives it. */
export const VillageDutySchema = z.object({ kind: VillageDutyKindSchema, name: z.string().max(40), idMasked: z.string().max(24), date: IsoDate }).strict();
export type VillageDuty = z.infer<typeof VillageDutySchema>;

export const VillageListSchema = z.object({ divisionCode: z.string().regex(/^\d{12}$/), entries: z.array(VillageDutySchema).max(20_000) }).strict();
export type VillageList = z.infer<typeof VillageListSchema>;
