import type { SiteConfig } from '../../shared/config/site-config';
import type { OfficeHours } from '../../shared/domain/office-hours';
import { RemoteSiteSettingsSchema, type RemoteSiteSettings } from '../../shared/sync/protocol';
import type { Db } from '../store/database';
import { getConfigPart } from '../store/config-versions';

/** The site settings the county last sent (on-duty person, phone, hours, retention), or {} when none or malformed. */
export function remoteSiteSettings(db: Db): RemoteSiteSettings {
  const remote = RemoteSiteSettingsSchema.safeParse(getConfigPart(db, 'site')?.body);
  return remote.success ? remote.data : {};
}

/** What the point tells people about itself, as in force now. */
export interface SiteInForce {
  officeHours: OfficeHours[];
  consultationPhone: string;
  onDuty: string | null;
}

/**
 * The one source of the point's office hours, phone and duty person for everything on the kiosk that shows or acts on
 * them (attract screen, lookups, help, fault watcher, monthly report, commissioning): the county's where it set them
 * in the console, the local site file's otherwise. Read per use, so a new config round takes effect at once.
 */
export function siteInForce(db: Db, local: SiteConfig['site']): SiteInForce {
  const remote = remoteSiteSettings(db);
  return {
    officeHours: remote.officeHours ?? local.officeHours,
    consultationPhone: remote.consultationPhone ?? local.consultationPhone,
    onDuty: remote.onDuty ?? local.onDuty ?? null,
  };
}
