import { randomBytes, randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../logging/logger';
import { isLanAddress } from './lan-address';
import { LinkVerifier } from './link-auth';
import { KioskMessageSchema, LAN_LINK_PATH, LAN_PAIR_PATH, PairRequestSchema, WindowMessageSchema, parseJson, type KioskMessage } from './link-messages';
import type { PairingCodes } from './pairing-codes';
import type { PairingStore } from './pairing-store';

export interface RemoteClerk {
  id: string;
  displayName: string;
  peerId: string;
}

export interface LanListenerDeps {
  host: string;
  port: number;
  name: string;
  codes: PairingCodes;
  store: PairingStore;
  log: Logger;
  now: () => Date;
  /** A clerk at a paired window PC takes a help call (the kiosk's HelpService decides). */
  answer: (callId: string, clerk: { id: string; displayName: string }) => { taken: boolean; ownerName: string | null };
  /** The remote clerks changed (a window PC's login, logout or lost link). */
  onPresence?: () => void;
}

/**
 * The kiosk's side of the LAN pairing: one HTTP server on the point's network with two doors. POST /lan/v1/pair
 * trades the one-time code shown on the kiosk for a per-device key; /lan/v1/link is the WebSocket a paired window
 * PC keeps open, opened only with an HMAC over its id, the time and a fresh nonce under that key. Both doors answer
 * LAN addresses only. Over the link the window PC says which clerks are logged in there, and takes help calls.
 */
export class LanListener {
  private readonly server = http.createServer((req, res) => void this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  private readonly links = new Map<WebSocket, { peerId: string; clerks: Array<{ id: string; displayName: string }> }>();
  private readonly verifier: LinkVerifier;
  private address = '';

  constructor(private readonly deps: LanListenerDeps) {
    this.verifier = new LinkVerifier((peerId) => {
      const peer = deps.store.read().peers.find((p) => p.id === peerId);
      return peer ? Buffer.from(peer.key, 'base64') : null;
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => undefined);
      try {
        this.onUpgrade(req, socket, head);
      } catch (error) {
        deps.log.warn({ err: error }, 'lan link upgrade failed');
        socket.destroy();
      }
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.deps.port, this.deps.host, () => resolve());
    });
    const bound = this.server.address() as { port: number };
    this.address = `${this.deps.host}:${bound.port}`;
    this.deps.log.info({ address: this.address }, 'lan pairing listener started');
    return this.address;
  }

  get listeningOn(): string {
    return this.address;
  }

  /** Clerks logged in on connected window PCs right now. */
  remoteClerks(): RemoteClerk[] {
    return [...this.links.values()].flatMap((l) => l.clerks.map((c) => ({ ...c, peerId: l.peerId })));
  }

  connectedPeers(): Set<string> {
    return new Set([...this.links.values()].map((l) => l.peerId));
  }

  send(message: KioskMessage): void {
    const text = JSON.stringify(KioskMessageSchema.parse(message));
    for (const ws of this.links.keys()) if (ws.readyState === ws.OPEN) ws.send(text);
  }

  /** Revokes a window PC's key: it leaves the store, and its open link is cut now (the key opens nothing again). */
  unpair(peerId: string): boolean {
    const state = this.deps.store.read();
    if (!state.peers.some((p) => p.id === peerId)) return false;
    this.deps.store.write({ ...state, peers: state.peers.filter((p) => p.id !== peerId) });
    for (const [ws, link] of this.links) if (link.peerId === peerId) ws.terminate();
    return true;
  }

  async close(): Promise<void> {
    for (const ws of this.links.keys()) ws.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (!isLanAddress(req.socket.remoteAddress)) return answer(403, { error: 'notLan' });
    if (req.method !== 'POST' || req.url !== LAN_PAIR_PATH) return answer(404, { error: 'notFound' });
    let body = '';
    for await (const chunk of req) {
      body += String(chunk);
      if (body.length > 1024) return answer(413, { error: 'tooLarge' });
    }
    const parsed = PairRequestSchema.safeParse(parseJson(body));
    if (!parsed.success) return answer(400, { error: 'badRequest' });
    if (!this.deps.codes.redeem(parsed.data.code, this.deps.now())) {
      this.deps.log.warn({ from: req.socket.remoteAddress }, 'pairing refused: wrong or spent code');
      return answer(401, { error: 'wrongCode' });
    }
    const peer = { id: randomUUID(), name: parsed.data.name, key: randomBytes(32).toString('base64'), pairedAt: this.deps.now().toISOString() };
    const state = this.deps.store.read();
    this.deps.store.write({ ...state, peers: [...state.peers.filter((p) => p.name !== peer.name), peer] });
    this.deps.log.info({ peerId: peer.id, name: peer.name }, 'window PC paired');
    return answer(200, { peerId: peer.id, key: peer.key, name: this.deps.name });
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: number, reason: string) => {
      this.deps.log.warn({ status, reason, from: req.socket.remoteAddress }, 'lan link refused');
      socket.end(`HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Unauthorized'}\r\nConnection: close\r\n\r\n`);
    };
    if (!isLanAddress(req.socket.remoteAddress)) return refuse(403, 'notLan');
    if (req.url !== LAN_LINK_PATH) return refuse(404, 'notFound');
    const h = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    const credentials = { peerId: h('x-pair-id'), time: h('x-pair-time'), nonce: h('x-pair-nonce'), signature: h('x-pair-signature') };
    const refusal = this.verifier.verify(credentials, this.deps.now());
    if (refusal) return refuse(401, refusal);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.serveLink(ws, credentials.peerId!));
  }

  private serveLink(ws: WebSocket, peerId: string): void {
    const link = { peerId, clerks: [] as Array<{ id: string; displayName: string }> };
    this.links.set(ws, link);
    this.deps.log.info({ peerId }, 'window PC linked');
    ws.on('message', (raw) => {
      const message = WindowMessageSchema.safeParse(parseJson(String(raw)));
      if (!message.success) return this.deps.log.warn({ peerId }, 'lan link: message refused');
      const m = message.data;
      if (m.type === 'presence') {
        link.clerks = m.clerks;
        this.deps.onPresence?.();
        return;
      }
      // Only a clerk that window PC says is logged in there may take a call in its name.
      if (!link.clerks.some((c) => c.id === m.clerk.id)) {
        ws.send(JSON.stringify({ type: 'help.answerResult', requestId: m.requestId, taken: false, ownerName: null, refused: 'clerkNotLoggedIn' }));
        return;
      }
      try {
        const result = this.deps.answer(m.callId, m.clerk);
        ws.send(JSON.stringify({ type: 'help.answerResult', requestId: m.requestId, ...result }));
      } catch {
        ws.send(JSON.stringify({ type: 'help.answerResult', requestId: m.requestId, taken: false, ownerName: null, refused: 'notFound' }));
      }
    });
    ws.on('close', () => {
      this.links.delete(ws);
      this.deps.onPresence?.();
      this.deps.log.info({ peerId }, 'window PC link closed');
    });
    ws.on('error', () => undefined);
  }
}
