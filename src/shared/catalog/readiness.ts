import type { DeviceKind, DeviceStatus } from '../domain/devices';
import type { IdentitySource } from '../domain/identity';
import type { CatalogItem } from './schema';
import type { ServiceChannel } from '../domain/service-channel';

/**
 * Whether an item can be done right now, judged from the item's declaration (devices, identity, county online)
 * against live device status and county reachability. Pure, so the tile, the item page and the flow all agree.
 *
 * - ready: it can be finished now
 * - queued: it can be done now and will be sent to the county when the network returns
 * - unavailable: it cannot be started; `reasons` say which device or the network
 */
export type ReadinessState = 'ready' | 'queued' | 'unavailable';

export type ReadinessReason =
  | { kind: 'device'; device: DeviceKind; messageKey: string }
  | { kind: 'identityReader'; devices: DeviceKind[]; messageKey: string }
  | { kind: 'county'; messageKey: string }
  | { kind: 'mode'; messageKey: string };

export interface Readiness {
  state: ReadinessState;
  reasons: ReadinessReason[];
}

export type ReadinessItem = Pick<CatalogItem, 'requiresDevices' | 'needsCountyOnline' | 'offlineCache' | 'identity' | 'type'> & Partial<Pick<CatalogItem, 'serviceModes'>>;

const READER_FOR: Record<Exclude<IdentitySource, 'typedByClerk'>, DeviceKind> = {
  idCard: 'idCardReader',
  socialSecurityCard: 'socialSecurityCardReader',
};

/** A device can serve a resident when it is online or merely busy with someone's earlier request. */
export function deviceUsable(status: Pick<DeviceStatus, 'state' | 'media'> | undefined): boolean {
  if (!status) return false;
  if (status.state !== 'online' && status.state !== 'busy') return false;
  // A printer without paper cannot print the receipt; a card reader with no card is fine (the card comes later).
  return status.media !== 'jammed';
}

function usableKinds(devices: readonly Pick<DeviceStatus, 'kind' | 'state' | 'media'>[]): Set<DeviceKind> {
  const usable = new Set<DeviceKind>();
  for (const device of devices) {
    const printerOutOfPaper = (device.kind === 'receiptPrinter' || device.kind === 'documentPrinter') && device.media === 'absent';
    if (deviceUsable(device) && !printerOutOfPaper) usable.add(device.kind);
  }
  return usable;
}

/** The card readers that can identify the resident for this item, in the given service mode. */
export function identityReaders(item: ReadinessItem): DeviceKind[] {
  return item.identity.accepts.flatMap((source) => (source === 'typedByClerk' ? [] : [READER_FOR[source]]));
}

export function itemReadiness(
  item: ReadinessItem,
  devices: readonly Pick<DeviceStatus, 'kind' | 'state' | 'media'>[],
  countyOnline: boolean,
  mode: ServiceChannel = 'self',
  /** A listing with a cached copy young enough to show offline (queries.offlineReady). */
  cacheFresh = false,
): Readiness {
  const usable = usableKinds(devices);
  // A kind this point has no working-or-broken device of is "not installed here", which tells the resident to
  // go elsewhere rather than wait for a repair.
  const installed = new Set(devices.filter((device) => device.state !== 'notConfigured').map((device) => device.kind));
  const reasons: ReadinessReason[] = [];
  // An item the catalogue does not offer on a home visit says so on its tile, before the clerk starts it.
  if (mode === 'homeVisit' && item.serviceModes && !item.serviceModes.includes(mode)) reasons.push({ kind: 'mode', messageKey: 'home-visit:readiness.notOffered' });
  for (const kind of item.requiresDevices) {
    if (usable.has(kind)) continue;
    const messageKey = installed.has(kind) ? `catalog:readiness.device.${kind}` : `catalog:readiness.notInstalled.${kind}`;
    reasons.push({ kind: 'device', device: kind, messageKey });
  }
  if (item.identity.required) {
    const clerkMayType = mode !== 'self' && item.identity.accepts.includes('typedByClerk');
    const readers = identityReaders(item);
    if (!clerkMayType && !readers.some((kind) => usable.has(kind))) {
      reasons.push({ kind: 'identityReader', devices: readers, messageKey: 'catalog:readiness.identityReader' });
    }
  }
  // A listing shown from its cache is ready offline only while a copy younger than the catalogue's limit exists.
  const countyMissing = !countyOnline && (item.needsCountyOnline || (item.offlineCache && !cacheFresh));
  if (countyMissing) reasons.push({ kind: 'county', messageKey: 'catalog:readiness.county' });
  if (reasons.length > 0) return { state: 'unavailable', reasons };
  // Apply items without the county are accepted here and sent later; everything else finishes now.
  if (!countyOnline && item.type === 'apply') return { state: 'queued', reasons: [] };
  return { state: 'ready', reasons: [] };
}
