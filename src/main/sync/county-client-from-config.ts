import fs from 'node:fs';
import type { SiteConfig } from '../../shared/config/site-config';
import type { CountyClient } from './county-client';
import { HttpCountyClient } from './http-county-client';

/** The kiosk's shared secret with the county: given in the config or read from its file. */
export function countySecret(county: NonNullable<SiteConfig['county']>): string {
  if (county.secret) return county.secret;
  // The secret signs every request as this kiosk: a file others can read is refused, not used.
  const mode = fs.statSync(county.secretFile!).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new Error(`county.secretFile ${county.secretFile} is readable by others (mode ${mode.toString(8)}): chmod 600 it`);
  return fs.readFileSync(county.secretFile!, 'utf8').trim();
}

/** Builds the HTTP client from the site config's county block, or null when the kiosk runs without a county. */
export function countyClientFromConfig(config: SiteConfig, now?: () => Date): CountyClient | null {
  const county = config.county;
  if (!county) return null;
  const secret = countySecret(county);
  return new HttpCountyClient({
    baseUrl: county.url,
    kioskId: county.kioskId,
    secret,
    // Requests are signed on the core's own clock (the one every record is stamped with).
    ...(now ? { now: () => now().getTime() } : {}),
    ...(county.caFile ? { ca: fs.readFileSync(county.caFile) } : {}),
    ...(county.configPublicKeyFile ? { configPublicKey: fs.readFileSync(county.configPublicKeyFile, 'utf8') } : {}),
  });
}
