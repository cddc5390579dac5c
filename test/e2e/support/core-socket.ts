import type { EventName } from '../../../src/shared/contract/events';
import type { MethodName, MethodParams, MethodResult } from '../../../src/shared/contract';
import type { KioskClient } from '../../../src/shared/contract/client';
import { openWebSocketClient } from '../../../src/main/cli/websocket-client';
import type { KioskProcess } from './kiosk-process';

/**
 * A second connection to the running kiosk's API, as another screen on the same machine would hold (a clerk
 * screen, kioskctl): the typed KioskClient over the WebSocket carrier (the same one kioskctl uses). Tests drive
 * simulators through the dev.* methods and watch pushed events.
 */
export interface CoreSocket {
  client: KioskClient;
  call<M extends MethodName>(method: M, params?: MethodParams<M>): Promise<MethodResult<M>>;
  events: Array<{ event: string; data: unknown }>;
  waitForEvent(event: EventName, match?: (data: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): void;
}

export async function openCoreSocket(kiosk: KioskProcess): Promise<CoreSocket> {
  const token = new URL(kiosk.url).searchParams.get('token') ?? '';
  const { client, carrier, close } = await openWebSocketClient(kiosk.origin, token);
  const events: Array<{ event: string; data: unknown }> = [];
  const waiters = new Set<() => void>();
  carrier.onEvent((event, data) => {
    events.push({ event, data });
    for (const w of waiters) w();
  });
  return {
    client,
    events,
    call: <M extends MethodName>(method: M, params?: MethodParams<M>) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${method}: no answer within 15 s`)), 15_000);
      });
      return Promise.race([client.invoke(method, (params ?? {}) as MethodParams<M>), timeout]).finally(() => clearTimeout(timer));
    },
    waitForEvent: (event, match = () => true, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => e.event === event && match(e.data));
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found.data);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${event} event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close,
  };
}
