import type { z } from 'zod';
import { CatalogSchema } from '../../shared/catalog/schema';
import { AnnouncementListSchema, RemoteSiteSettingsSchema, StaffListSchema } from '../../shared/sync/protocol';
import type { ConfigPart } from '../store/config-versions';

/** Each pulled config part is checked by its owner's schema before it may replace the stored one. */
export const CONFIG_PART_SCHEMAS: Record<ConfigPart, z.ZodType> = {
  catalog: CatalogSchema,
  staff: StaffListSchema,
  announcements: AnnouncementListSchema,
  site: RemoteSiteSettingsSchema,
};
