import { z } from 'zod';
import { PublishedVersionSchema } from './published-version';

/**
 * The console's catalogue publishing (issue 12 item 7): a county admin previews a catalogue version against the one in
 * force, publishes it (kiosks take it on their next config round), and rolls back to any earlier version in one action.
 */
const Localised = z.object({ 'zh-CN': z.string(), en: z.string() });

export const CatalogUploadSchema = z.object({ catalog: z.unknown() });

/** What a candidate changes against the catalogue in force, as staff check it before publishing. */
export const CatalogPreviewSchema = z.object({
  /** The version in force now (the shipped one, 1, while the county has published none). */
  fromVersion: z.number().int(),
  itemCount: z.number().int(),
  added: z.array(z.object({ code: z.string(), name: Localised })),
  removed: z.array(z.object({ code: z.string(), name: Localised })),
  changed: z.array(z.object({ code: z.string(), name: Localised, fields: z.array(z.string()) })),
  /** County settings whose value or date changes, each as it reads on the kiosk in both languages. */
  settings: z.array(z.object({ key: z.string(), from: Localised, to: Localised, setOn: z.string().nullable(), /** the item an item's own setting (time limit, basis) belongs to */ code: z.string().optional() })),
});
export type CatalogPreview = z.infer<typeof CatalogPreviewSchema>;

export const CatalogVersionSchema = PublishedVersionSchema.extend({ itemCount: z.number().int() });
export type CatalogVersion = z.infer<typeof CatalogVersionSchema>;

export const CatalogPublishingStateSchema = z.object({
  mayPublish: z.boolean(),
  /** The catalogue kiosks pull now; null while the county has published none (kiosks use their shipped one). */
  current: z.object({ version: z.number().int(), publishedAt: z.string(), itemCount: z.number().int() }).nullable(),
  history: z.array(CatalogVersionSchema),
});
export type CatalogPublishingState = z.infer<typeof CatalogPublishingStateSchema>;
