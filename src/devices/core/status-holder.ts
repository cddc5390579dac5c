import type { DeviceKind, DeviceState, DeviceStatus, MediaState } from '../../shared/domain/devices';

export interface StatusPatch {
  state: DeviceState;
  media?: MediaState;
  detailKey?: string;
  detailParams?: Record<string, string | number>;
}

/**
 * A device's status with change notification that fires only when something really changed (XFS4IoT's
 * StatusBase): polling loops can set the same status every 300 ms without flooding the screens. `since` is the time
 * of the last change of state, the same on every driver: a new detail or media keeps it.
 */
export class StatusHolder {
  private current: DeviceStatus;
  private readonly listeners = new Set<(status: DeviceStatus) => void>();

  constructor(
    id: string,
    kind: DeviceKind,
    simulated: boolean,
    private readonly now: () => Date = () => new Date(),
    initialMedia: MediaState = 'unknown',
    initial: { state?: DeviceState; detailKey?: string } = {},
  ) {
    const detailKey = 'detailKey' in initial ? initial.detailKey : 'card-readers:detail.starting';
    this.current = { id, kind, state: initial.state ?? 'offline', media: initialMedia, simulated, since: this.now().toISOString(), ...(detailKey === undefined ? {} : { detailKey }) };
  }

  get(): DeviceStatus {
    return this.current;
  }

  set(patch: StatusPatch): void {
    const next: DeviceStatus = {
      id: this.current.id,
      kind: this.current.kind,
      simulated: this.current.simulated,
      state: patch.state,
      media: patch.media ?? this.current.media,
      since: this.current.since,
      ...(patch.detailKey === undefined ? {} : { detailKey: patch.detailKey }),
      ...(patch.detailParams === undefined ? {} : { detailParams: patch.detailParams }),
    };
    if (sameStatus(this.current, next)) return;
    if (next.state !== this.current.state) next.since = this.now().toISOString();
    this.current = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  /** Changes only the media (card present/absent), keeping state and detail. */
  setMedia(media: MediaState): void {
    const { state, detailKey, detailParams } = this.current;
    this.set({ state, media, ...(detailKey === undefined ? {} : { detailKey }), ...(detailParams === undefined ? {} : { detailParams }) });
  }

  on(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function sameStatus(a: DeviceStatus, b: DeviceStatus): boolean {
  return (
    a.state === b.state &&
    a.media === b.media &&
    a.detailKey === b.detailKey &&
    JSON.stringify(a.detailParams ?? null) === JSON.stringify(b.detailParams ?? null)
  );
}
