import { z } from 'zod';
import { defineMethod } from '../define';
import { CatalogItemSchema, ItemCodeSchema } from '../../catalog/schema';
import { CountySettingsSchema } from '../../catalog/county-settings';

export const CatalogListingSchema = z.object({
  /** The catalogue version in use: 1 is the one shipped with the kiosk, higher ones came from the county. */
  version: z.number().int(),
  publishedAt: z.string(),
  source: z.enum(['default', 'county']),
  /** Items this point offers (the demonstration items only at the demonstration point), in catalogue order. */
  items: z.array(CatalogItemSchema),
  /** The county's numbers the item texts use, each with the day the county set it (null: the shipped value). */
  settings: CountySettingsSchema,
});
export type CatalogListing = z.infer<typeof CatalogListingSchema>;

export const catalogMethods = {
  'catalog.list': defineMethod({
    summary:
      "The items this point offers, each whole (names, type, guide, form, materials) with its readiness inputs (requiresDevices, needsCountyOnline, identity).",
    access: ['public'],
    schemas: () => ({ output: CatalogListingSchema }),
  }),
  'catalog.get': defineMethod({
    summary: 'One item with its guide, FAQ, materials and form; not_found when this point does not offer it.',
    access: ['public'],
    schemas: () => ({ input: z.object({ code: ItemCodeSchema }).strict(), output: CatalogItemSchema }),
  }),
  'catalog.search': defineMethod({
    summary: 'Items by name in either language, everyday keyword, code, or pinyin (initials: "sbk" finds 社保卡), best first.',
    access: ['public'],
    schemas: () => ({
      input: z
        .object({
          query: z.string().max(40),
          limit: z.number().int().min(1).max(50).default(20),
        })
        .strict(),
      output: z.object({
        version: z.number().int(),
        results: z.array(z.object({ code: ItemCodeSchema, rank: z.number().int().min(0) })),
      }),
    }),
  }),
} as const;
