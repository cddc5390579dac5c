import type { ClientCarrier } from '../../shared/contract/client';

/** What the Electron preload exposes on window.kiosk (see src/main/electron/preload.ts). */
export interface KioskBridge {
  invoke(method: string, params: unknown): Promise<{ result: unknown } | { error: unknown }>;
  on(listener: (event: string, data: unknown) => void): () => void;
}

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

/** The Electron carrier on the screen side: a thin adapter over the preload's bridge. */
export class IpcCarrier implements ClientCarrier {
  constructor(private readonly bridge: KioskBridge) {}

  call(method: string, params: unknown): Promise<{ result: unknown } | { error: unknown }> {
    return this.bridge.invoke(method, params);
  }

  onEvent(listener: (event: string, data: unknown) => void): () => void {
    return this.bridge.on(listener);
  }
}
