import type { ChannelStamp, ServiceChannel } from '../../shared/domain/service-channel';
import type { Connection } from '../dispatcher';
import type { Station } from '../../shared/config/station';

/**
 * The channel and operator the core stamps on a record made on this connection. The renderer never says which
 * channel it is: a connection without a clerk's login is self-service, so a resident alone can never produce an
 * assisted, window or home-visit record. A clerk's login carries the channel of the place it was made (the kiosk:
 * assisted; the window PC: window; the laptop on a home visit: homeVisit).
 */
export function stampOf(connection: Pick<Connection, 'staff'>): ChannelStamp {
  const staff = connection.staff;
  if (!staff?.roles.includes('clerk')) return { channel: 'self', operatorId: null };
  return { channel: staff.channel ?? 'assisted', operatorId: staff.id };
}

export type StaffChannel = Exclude<ServiceChannel, 'self' | 'proxy'>;

/** The channel a clerk's login serves residents through at this station: the window PC's are window, the laptop's homeVisit. */
export function stationChannel(station: Station): StaffChannel {
  if (station === 'window') return 'window';
  if (station === 'homeVisit') return 'homeVisit';
  return 'assisted';
}
