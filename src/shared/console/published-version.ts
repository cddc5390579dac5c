import { z } from 'zod';

/**
 * One entry of a publishing history, as the console lists it newest first: what every published subject has in common
 * (the announcements, a point's site settings, the catalogue). Each subject extends it with what it shows of itself.
 */
export const PublishedVersionSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** The name of the staff member who published it, where one is recorded. */
  by: z.string().nullable(),
  configVersion: z.number().int(),
  /** The version this one restored, when it was a rollback. */
  rollbackOf: z.number().int().nullable(),
  /** The version in force now. */
  current: z.boolean(),
});
export type PublishedVersion = z.infer<typeof PublishedVersionSchema>;
