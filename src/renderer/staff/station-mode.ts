import type { Station } from '../../shared/config/station';

/** The service mode a clerk's login works in at this station (the core stamps the same: channel-stamp.ts). */
export function stationMode(station: Station): 'assisted' | 'window' | 'homeVisit' {
  if (station === 'window') return 'window';
  if (station === 'homeVisit') return 'homeVisit';
  return 'assisted';
}
