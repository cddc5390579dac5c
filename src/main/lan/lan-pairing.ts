import os from 'node:os';
import { KioskError } from '../../shared/contract/errors';
import type { SiteConfig } from '../../shared/config/site-config';
import type { DataKey } from '../crypto/data-key';
import type { HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logging/logger';
import type { HelpService } from '../services/help';
import type { ClerkOnDuty } from '../services/staff-presence';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/database';
import { LanLink } from './lan-link';
import { LanListener } from './lan-listener';
import { LAN_PAIR_PATH, PairAnswerSchema, parseJson } from './link-messages';
import { PairingCodes } from './pairing-codes';
import { PairingStore } from './pairing-store';

export interface LanPairingDeps {
  config: SiteConfig;
  dataDir: string;
  key: DataKey;
  db: Db;
  events: EventBus;
  log: Logger;
  now: () => Date;
  help: HelpService;
  /** Clerks logged in on this core's own screens. */
  localClerks: () => ClerkOnDuty[];
}

export interface LanPairing {
  handlers: HandlerMap<'pairing.status' | 'pairing.newCode' | 'pairing.pair' | 'pairing.unpair' | 'help.answer'>;
  /** On the kiosk: clerks logged in at the paired window PCs (help calls reach them too). */
  remoteClerks(): ClerkOnDuty[];
  close(): Promise<void>;
}

const PAIR_TIMEOUT_MS = 8000;

/**
 * Pairing of the window PC with the village kiosk (docs/lan-pairing.md). On the kiosk (`lan` in the site config) a
 * listener on the LAN takes a one-time code for a per-device key and keeps the paired PCs' links; the kiosk's help
 * calls go down every link. On the window PC (station window) the clerk types the kiosk's address and code once;
 * the key is kept sealed and the link is reopened at every start.
 */
export async function startLanPairing(deps: LanPairingDeps): Promise<LanPairing> {
  const { config, log, now } = deps;
  const store = new PairingStore(deps.dataDir, deps.key);
  const codes = new PairingCodes();
  const audit = (action: string, operatorId: string | null, detail: Record<string, unknown>) =>
    insertAudit(deps.db, { at: now().toISOString(), action, operatorId, channel: null, subject: null, detail });

  let listener: LanListener | null = null;
  const unsubscribers: Array<() => void> = [];
  if (config.lan && config.kiosk.station === 'kiosk') {
    listener = new LanListener({
      host: config.lan.host,
      port: config.lan.port,
      name: config.site.name['zh-CN'],
      codes,
      store,
      log,
      now,
      answer: (callId, clerk) => deps.help.take(callId, clerk),
    });
    await listener.start();
    const l = listener;
    unsubscribers.push(
      deps.events.subscribe((event, data) => {
        if (event === 'help.requested') l.send({ type: 'help.requested', ...(data as { callId: string; at: string; screen: string }) });
        if (event === 'help.answered') l.send({ type: 'help.answered', ...(data as { callId: string; clerkName: string }) });
      }),
    );
  }

  let link: LanLink | null = null;
  const openLink = () => {
    const kiosk = store.read().kiosk;
    link?.close();
    link = kiosk && config.kiosk.station === 'window' ? new LanLink({ kiosk, events: deps.events, log, now, clerks: deps.localClerks }) : null;
  };
  openLink();

  const role = listener ? 'kiosk' : config.kiosk.station === 'window' ? 'window' : 'none';

  return {
    remoteClerks: () => (listener?.remoteClerks() ?? []).map((c) => ({ id: c.id, displayName: c.displayName, channel: 'window' as const })),
    close: async () => {
      for (const off of unsubscribers) off();
      link?.close();
      await listener?.close();
    },
    handlers: {
      'pairing.status': () => {
        const state = store.read();
        const linked = listener?.connectedPeers() ?? new Set<string>();
        return {
          role,
          address: listener?.listeningOn ?? null,
          peers: listener ? state.peers.map((p) => ({ id: p.id, name: p.name, pairedAt: p.pairedAt, connected: linked.has(p.id) })) : [],
          kiosk: role === 'window' && state.kiosk ? { address: state.kiosk.address, name: state.kiosk.name, pairedAt: state.kiosk.pairedAt, connected: link?.connected ?? false } : null,
        };
      },
      'pairing.newCode': (_input, ctx) => {
        if (!listener) throw new KioskError('forbidden', { details: { reason: 'notPairingKiosk' } });
        const issued = codes.issue(now());
        audit('pairing.codeShown', ctx.connection.staff?.id ?? null, {});
        return { ...issued, address: listener.listeningOn };
      },
      'pairing.pair': async ({ address, code }, ctx) => {
        if (role !== 'window') throw new KioskError('forbidden', { details: { reason: 'notWindowStation' } });
        let res: Response;
        try {
          res = await fetch(`http://${address}${LAN_PAIR_PATH}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code, name: `${config.site.name['zh-CN'].slice(0, 40)} · ${os.hostname().slice(0, 30)}` }),
            signal: AbortSignal.timeout(PAIR_TIMEOUT_MS),
          });
        } catch {
          throw new KioskError('peer_unreachable', { details: { address } });
        }
        if (res.status === 401) throw new KioskError('pairing_refused');
        const answer = PairAnswerSchema.safeParse(res.ok ? parseJson(await res.text()) : undefined);
        if (!answer.success) throw new KioskError('peer_unreachable', { details: { address, status: res.status } });
        const pairedAt = now().toISOString();
        store.write({ ...store.read(), kiosk: { address, peerId: answer.data.peerId, key: answer.data.key, name: answer.data.name, pairedAt } });
        audit('pairing.paired', ctx.connection.staff?.id ?? null, { address });
        openLink();
        return { kioskName: answer.data.name, pairedAt };
      },
      // On the kiosk: a window PC's key is revoked (its link cut); on the window PC: the kiosk's key is forgotten.
      'pairing.unpair': ({ peerId }, ctx) => {
        const operator = ctx.connection.staff?.id ?? null;
        if (listener) {
          if (!peerId) throw new KioskError('not_found', { details: { peerId: null } });
          const unpaired = listener.unpair(peerId);
          if (!unpaired) throw new KioskError('not_found', { details: { peerId } });
          audit('pairing.unpaired', operator, { peerId });
          return { unpaired };
        }
        if (role !== 'window') throw new KioskError('forbidden', { details: { reason: 'notWindowStation' } });
        const state = store.read();
        if (!state.kiosk) return { unpaired: false };
        store.write({ ...state, kiosk: null });
        audit('pairing.unpaired', operator, { address: state.kiosk.address });
        openLink();
        return { unpaired: true };
      },
      // A call the paired kiosk announced is the kiosk's to give: the answer goes there, and only its word counts.
      'help.answer': async ({ callId }, ctx) => {
        const staff = ctx.connection.staff;
        if (!link?.isKioskCall(callId)) return deps.help.answer(callId, ctx);
        if (!staff?.roles.includes('clerk')) throw new KioskError('forbidden', { details: { needs: ['clerk'] } });
        let result;
        try {
          result = await link.answer(callId, { id: staff.id, displayName: staff.displayName });
        } catch {
          throw new KioskError('peer_unreachable', { retryable: true });
        }
        if (result.refused === 'linkDown') throw new KioskError('peer_unreachable', { retryable: true });
        if (result.refused === 'notFound') throw new KioskError('not_found', { details: { callId } });
        return { taken: result.taken, ownerName: result.ownerName };
      },
    },
  };
}
