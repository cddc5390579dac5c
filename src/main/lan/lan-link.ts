import WebSocket from 'ws';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logging/logger';
import { signLink } from './link-auth';
import { KioskMessageSchema, LAN_LINK_PATH, parseJson } from './link-messages';
import type { PairedKiosk } from './pairing-store';

export interface LanLinkDeps {
  kiosk: PairedKiosk;
  events: EventBus;
  log: Logger;
  now: () => Date;
  /** The clerks logged in on this window PC's screens right now. */
  clerks: () => Array<{ id: string; displayName: string }>;
  presenceEveryMs?: number;
}

const ANSWER_TIMEOUT_MS = 10_000;

/**
 * The window PC's side of the pairing: one WebSocket to the kiosk, opened with an HMAC under the pairing key and
 * reopened with backoff when the LAN drops. It tells the kiosk which clerks are logged in here (so the kiosk's help
 * button knows it reaches someone), brings the kiosk's help calls to this PC's clerk screens, and carries a clerk's
 * "I'll go" back; the kiosk alone decides who took the call.
 */
export class LanLink {
  private ws: WebSocket | null = null;
  private stopped = false;
  private retryMs = 1000;
  private lastPresence = '';
  private nextRequest = 1;
  private readonly pending = new Map<number, (r: { taken: boolean; ownerName: string | null; refused?: string }) => void>();
  private readonly calls = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: LanLinkDeps) {
    this.timer = setInterval(() => this.sendPresence(false), deps.presenceEveryMs ?? 1000);
    this.timer.unref();
    this.connect();
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** A call the kiosk announced over the link (so this PC's help.answer goes to the kiosk). */
  isKioskCall(callId: string): boolean {
    return this.calls.has(callId);
  }

  answer(callId: string, clerk: { id: string; displayName: string }): Promise<{ taken: boolean; ownerName: string | null; refused?: string }> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error('link down'));
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error('no answer from the kiosk'));
      }, ANSWER_TIMEOUT_MS);
      this.pending.set(requestId, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      ws.send(JSON.stringify({ type: 'help.answer', requestId, callId, clerk }));
    });
  }

  close(): void {
    this.stopped = true;
    clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.ws?.terminate();
  }

  private connect(): void {
    if (this.stopped) return;
    const { kiosk } = this.deps;
    const c = signLink(Buffer.from(kiosk.key, 'base64'), kiosk.peerId, this.deps.now());
    const ws = new WebSocket(`ws://${kiosk.address}${LAN_LINK_PATH}`, {
      headers: { 'x-pair-id': c.peerId, 'x-pair-time': c.time, 'x-pair-nonce': c.nonce, 'x-pair-signature': c.signature },
      handshakeTimeout: 5000,
    });
    this.ws = ws;
    ws.on('open', () => {
      this.retryMs = 1000;
      this.deps.log.info({ kiosk: kiosk.address }, 'linked with the kiosk');
      this.sendPresence(true);
    });
    ws.on('message', (raw) => this.onMessage(String(raw)));
    ws.on('unexpected-response', (_req, res) => this.deps.log.warn({ status: res.statusCode }, 'the kiosk refused the link'));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.ws === ws) this.ws = null;
      for (const [id, resolve] of this.pending) {
        this.pending.delete(id);
        resolve({ taken: false, ownerName: null, refused: 'linkDown' });
      }
      if (this.stopped) return;
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryTimer.unref();
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    });
  }

  private sendPresence(force: boolean): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify({ type: 'presence', clerks: this.deps.clerks().map(({ id, displayName }) => ({ id, displayName })) });
    if (!force && text === this.lastPresence) return;
    this.lastPresence = text;
    ws.send(text);
  }

  private onMessage(text: string): void {
    const parsed = KioskMessageSchema.safeParse(parseJson(text));
    if (!parsed.success) return this.deps.log.warn('lan link: message from the kiosk refused');
    const m = parsed.data;
    if (m.type === 'help.requested') {
      this.calls.add(m.callId);
      this.deps.events.emit('help.requested', { callId: m.callId, at: m.at, screen: m.screen });
    } else if (m.type === 'help.answered') {
      this.deps.events.emit('help.answered', { callId: m.callId, clerkName: m.clerkName });
    } else {
      const resolve = this.pending.get(m.requestId);
      this.pending.delete(m.requestId);
      resolve?.({ taken: m.taken, ownerName: m.ownerName, ...(m.refused ? { refused: m.refused } : {}) });
    }
  }
}
