import { DEFAULT_RESPONSE_MINUTES, type ResponseMinutes } from '../../shared/faults/escalation';
import type { CountyQuery } from '../db/connection';
import { countySite, effectiveSite } from './publishing';

/** Each level's response time for one point's tickets, looked up once per kiosk within one pass. */
export type ResponseFor = (kioskId: string) => Promise<ResponseMinutes>;

/**
 * The response times the county climbs a point's tickets by are the ones that point's kiosk received: the published
 * site settings (`faultResponseMinutes`, the county's with the point's own on top, src/county/console/kiosk-site.ts),
 * or the shared defaults. So both sides, folding the same moves by the same rule and times, climb at the same instant.
 */
export function publishedResponseTimes(q: CountyQuery): ResponseFor {
  const known = new Map<string, Promise<ResponseMinutes>>();
  return (kioskId) => {
    let found = known.get(kioskId);
    if (!found) {
      found = effectiveSite(q, kioskId).then((site) => site.faultResponseMinutes ?? DEFAULT_RESPONSE_MINUTES);
      known.set(kioskId, found);
    }
    return found;
  };
}

/** The county-wide times (the console's header shows them; a point may have its own). */
export async function countyResponseTimes(q: CountyQuery): Promise<ResponseMinutes> {
  return (await countySite(q)).faultResponseMinutes ?? DEFAULT_RESPONSE_MINUTES;
}
