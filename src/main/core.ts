import fs from 'node:fs';
import type { Access } from '../shared/contract';
import type { SiteConfig } from '../shared/config/site-config';
import { Dispatcher, newConnection, type Connection, type HandlerMap } from './dispatcher';
import { EventBus } from './event-bus';
import type { Logger } from './logging/logger';
import type { KeyKeeper } from './crypto/key-keeper';
import { systemHandlers } from './services/system';
import { CatalogService, catalogHandlers } from './services/catalog';
import { helpHandlers } from './services/help';

export interface CoreOptions {
  config: SiteConfig;
  dataDir: string;
  /** Devices run on their embedded simulators (the developer panel can drive them). */
  simulate: boolean;
  log: Logger;
  appVersion: string;
  now?: () => Date;
  /** Wraps the data key at rest: Electron passes its safeStorage keeper; absent = a 0600 key file in the data dir. */
  keyKeeper?: KeyKeeper;
}

/** The kiosk's core: services behind one dispatcher, shared by the Electron and browser-host carriers. */
export interface KioskCore {
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly config: SiteConfig;
  readonly log: Logger;
  newConnection(carrier: Connection['carrier']): Connection;
  /** Forget a connection's staff login and anything else tied to it. */
  dropConnection(connection: Connection): void;
  close(): Promise<void>;
}

/** The composition root: builds every service from the config and wires them to the dispatcher. */
export async function createKioskCore(options: CoreOptions): Promise<KioskCore> {
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const log = options.log;
  const events = new EventBus(log);
  const closers: Array<() => Promise<void> | void> = [];

  // The county's newer catalogue replaces the shipped one once STORE's config store is passed as `stored`.
  const catalog = new CatalogService({ level: options.config.site.level, log, events });
  closers.push(() => catalog.close());

  const handlers: HandlerMap = {
    ...catalogHandlers(catalog),
    ...helpHandlers({ events, now }),
    ...systemHandlers({
      config: options.config,
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      simulate: options.simulate,
      startedAt: Date.now(),
      now,
    }),
  };

  const rolesOf = (connection: Connection): ReadonlySet<Access> => {
    const roles = new Set<Access>(['public']);
    for (const role of connection.staff?.roles ?? []) roles.add(role);
    return roles;
  };

  const dispatcher = new Dispatcher(handlers, rolesOf, log);

  return {
    dispatcher,
    events,
    config: options.config,
    log,
    newConnection,
    dropConnection: (connection) => {
      delete connection.staff;
    },
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
