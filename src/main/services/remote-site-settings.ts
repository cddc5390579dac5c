import { RemoteSiteSettingsSchema, type RemoteSiteSettings } from '../../shared/sync/protocol';
import type { Db } from '../store/database';
import { getConfigPart } from '../store/config-versions';

/** The site settings the county last sent (on-duty person, phone, retention), or {} when none or malformed. */
export function remoteSiteSettings(db: Db): RemoteSiteSettings {
  const remote = RemoteSiteSettingsSchema.safeParse(getConfigPart(db, 'site')?.body);
  return remote.success ? remote.data : {};
}
