import WebSocket from 'ws';
import type { KioskProcess } from './kiosk-process';

/**
 * A second connection to the running kiosk's API, as another screen on the same machine would hold (a clerk
 * screen, kioskctl): tests use it to drive simulators through the dev.* methods and to watch pushed events.
 */
export interface CoreSocket {
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
  events: Array<{ event: string; data: unknown }>;
  waitForEvent(event: string, match?: (data: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): void;
}

export async function openCoreSocket(kiosk: KioskProcess): Promise<CoreSocket> {
  const token = new URL(kiosk.url).searchParams.get('token') ?? '';
  const ws = new WebSocket(`${kiosk.origin.replace(/^http/, 'ws')}/api`, { headers: { authorization: `Bearer ${token}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const events: Array<{ event: string; data: unknown }> = [];
  const waiters = new Set<() => void>();
  ws.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as { id?: number; event?: string; data?: unknown; result?: unknown; error?: { code: string } };
    if (typeof message.event === 'string') {
      events.push({ event: message.event, data: message.data });
      for (const w of waiters) w();
      return;
    }
    const p = pending.get(message.id ?? -1);
    if (!p) return;
    pending.delete(message.id!);
    if (message.error) p.reject(Object.assign(new Error(`${message.error.code}`), { payload: message.error }));
    else p.resolve(message.result);
  });
  return {
    events,
    call: <T>(method: string, params: unknown = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer within 15 s (socket ${ws.readyState === WebSocket.OPEN ? 'open' : 'closed'})`));
        }, 15_000);
        pending.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            (resolve as (v: unknown) => void)(v);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        ws.send(JSON.stringify({ id, method, params }));
      }),
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
    close: () => ws.close(),
  };
}
