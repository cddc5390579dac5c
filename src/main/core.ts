import { KioskError } from '../shared/contract/errors';
import fs from 'node:fs';
import type { Access } from '../shared/contract';
import type { SiteConfig } from '../shared/config/site-config';
import { Dispatcher, newConnection, type Connection, type HandlerMap } from './dispatcher';
import { EventBus } from './event-bus';
import type { Logger } from './logging/logger';
import type { KeyKeeper } from './crypto/key-keeper';
import { systemHandlers } from './services/system';
import { CatalogService, catalogHandlers } from './services/catalog';
import { HelpService, helpHandlers } from './services/help';
import { InquiriesService, inquiriesHandlers } from './services/inquiries';
import { CasesService, casesHandlers } from './services/cases';
import { DeviceManager } from '../devices/manager/device-manager';
import { createDefaultRegistry } from '../devices/manager/default-registry';
import { LpHostPrinter, type HostPrinter } from './printing/host-printer';
import { PrintingService, printingHandlers } from './services/printing';
import { FaceService, faceHandlers } from './services/face';
import { FaceCaptures } from './services/face-captures';
import { documentCameraHandlers } from './services/document-camera';
import path from 'node:path';
import { defaultKekFile, FileKeyKeeper } from './crypto/file-key-keeper';
import { KioskStore } from './store/kiosk-store';
import { getConfigPart } from './store/config-versions';
import { receiptSubmissionsFrom } from './printing/store-submissions';
import { ApplicationsService, applicationsHandlers, type ResidentSource } from './services/applications';
import { cardHolderReader } from './services/identity-guard';
import { ProxyService, proxyHandlers } from './services/proxy';
import { QueriesService, queriesHandlers } from './services/queries';
import { StaffService, staffHandlers } from './services/staff';
import { StaffPresence } from './services/staff-presence';
import { SyncService, syncHandlers } from './services/sync';
import { countyClientFromConfig, countySecret } from './sync/county-client-from-config';
import { RetentionService } from './services/retention';
import { announcementsHandlers } from './services/announcements';
import { FaultTicketService, faultTicketHandlers } from './services/fault-tickets';
import { siteInForce } from './services/remote-site-settings';
import { ResidentSessionService, sessionHandlers } from './services/session';
import { CountyDocuments } from './services/county-documents';
import { cachedListing, newestListings, saveListing } from './store/listing-cache';
import { devicesHandlers } from './services/devices';
import { technicianDeviceHandlers } from './services/technician-devices';
import { SiteConfigFile } from './config/site-config-file';
import { startControlSocket } from './control/control-socket';
import { writeDiagnosticsBundle } from './diagnostics/bundle';
import { DeviceFaultWatcher } from './faults/device-fault-watcher';
import { controlEndpoint } from './control/control-endpoint';
import { CommissioningService, commissioningHandlers } from './commissioning/commissioning-service';
import { devSimulatorHandlers, notSimulatedHandlers } from './services/dev-simulators';
import { SimulatedClock } from './services/simulated-clock';
import { insertAudit } from './store/audit';
import { recordPrint } from './store/prints';
import { printAndWait } from './printing/print-and-wait';
import { stampOf, stationChannel } from './services/channel-stamp';
import { homeVisitHandlers } from './services/home-visit';
import { ClerkDayService, clerkDayHandlers } from './services/clerk-day';
import { homeVisitReadinessHandlers } from './services/home-visit-readiness';
import { startLanPairing, type LanPairing } from './lan/lan-pairing';
import { ActivityRecorder, countingQueries } from './report/activity-recorder';
import { ReportService, reportHandlers } from './report/report-service';
import { reportSigner } from './report/report-signature';

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
  /** Prints A4 PDFs: Electron passes its webContents.print path; absent = CUPS lp. */
  hostPrinter?: HostPrinter;
  /** The site config file a technician's device assignments are saved to; absent = site-config.json in the data dir. */
  configFile?: string;
  /** kioskctl's local socket (0600, in the data dir by default); false = none. */
  controlSocket?: string | false;
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
  // Under --simulate the clock can be moved forward (dev.clock.advance) unless the caller brought its own.
  const simulatedClock = options.simulate && !options.now ? new SimulatedClock() : null;
  const now = options.now ?? simulatedClock?.now ?? (() => new Date());
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const log = options.log;
  const events = new EventBus(log);
  const closers: Array<() => Promise<void> | void> = [];

  // The kiosk's memory (SQLite + encrypted files), opened first and closed last.
  // The file keeper's key lives outside the data dir (crypto/file-key-keeper.ts: defaultKekFile).
  const kek = options.keyKeeper ? null : defaultKekFile(options.dataDir);
  if (kek?.moved) log.warn({ file: kek.file }, 'key-encryption key moved out of the data dir');
  const store = KioskStore.open({ dataDir: options.dataDir, keeper: options.keyKeeper ?? new FileKeyKeeper(kek!.file) });
  // Office hours, phone and duty person: the county's where set, the local file's otherwise; one source for all.
  const siteNow = () => siteInForce(store.db, options.config.site);
  closers.push(() => store.close());

  // The shipped catalogue until the county's newer one is in the store's config parts (re-read on config.changed).
  const catalog = new CatalogService({ level: options.config.site.level, log, events, stored: { read: () => getConfigPart(store.db, 'catalog') } });
  closers.push(() => catalog.close());

  // Every device, built from the config through the driver registry (simulators under --simulate).
  const hostPrinter = options.hostPrinter ?? new LpHostPrinter();
  const devices = new DeviceManager(createDefaultRegistry(), { devices: options.config.devices, simulate: options.simulate, log, now, spooler: hostPrinter });
  devices.onStatus((status) => events.emit('device.changed', status));
  closers.push(() => devices.stop());

  // What the monthly report counts that no other record keeps (device states, queries, prints, help calls).
  const activity = new ActivityRecorder(store.db, now);
  devices.onStatus((status) => activity.deviceStatus(status));
  closers.push(() => activity.stopped(devices.list()));

  // The resident of the visit: read from a card (or typed by a clerk), idle expiry from the site config.
  const session = new ResidentSessionService({
    devices,
    events,
    log,
    now,
    idleTimeoutSeconds: options.config.kiosk.idleTimeoutSeconds,
    idleCountdownSeconds: options.config.kiosk.idleCountdownSeconds,
    audit: (entry) => insertAudit(store.db, { at: now().toISOString(), channel: null, ...entry }),
  });
  closers.push(() => session.close());

  // Certificates exactly as the county sent them, for printing by id (never what a screen hands back).
  const countyDocuments = new CountyDocuments();
  const printing = new PrintingService({
    countyDocuments,
    config: options.config,
    hotline: () => siteNow().consultationPhone,
    devices,
    catalog,
    submissions: receiptSubmissionsFrom(store),
    monthlyReport: (month, language) => report.printable(month, language),
    countyOnline: () => sync.engine.status().online,
    currentResident: () => session.current(),
    // (applications and cases are made below; this runs only when a slip is printed)
    residentRequests: () => ({ submissions: applications.mine(50).submissions, cases: cases.mine(50).cases, lastSyncAt: sync.engine.status().lastSyncAt }),
    keptListing: (itemCode, params) => {
      const item = catalog.find(itemCode);
      return item?.offlineCache ? cachedListing(store.db, itemCode, params, item.offlineCacheMaxHours, now()) : null;
    },
    events,
    log,
    now,
  });
  // Only the core's own face capture counts as the face check the risk classes ask for (a card photo does not).
  // The captures wait in the core under one-time ids; a visit that ends or changes resident drops them all.
  const faceCaptures = new FaceCaptures({ now });
  closers.push(events.subscribe((event) => event === 'session.changed' && faceCaptures.clear()));
  const face = new FaceService({ devices, events, log, captures: faceCaptures, onLiveFace: (purpose) => purpose !== 'cardPhoto' && session.recordFacePassed() });
  const documentCamera = documentCameraHandlers({ devices, events, config: options.config });

  // Submissions and queries take the resident from the session.
  const residents: ResidentSource = session;
  const county = countyClientFromConfig(options.config, now);
  // Fault tickets travel with sync: a change asks it to send soon.
  const faultTickets = new FaultTicketService({ db: store.db, now, changed: () => sync.engine.kick() });
  const sync = new SyncService({
    store,
    client: county,
    config: options.config,
    events,
    log,
    appVersion: options.appVersion,
    now,
    faults: faultTickets.desk,
    devices: () => devices.list().map((d) => ({ id: d.id, kind: d.kind, state: d.state })),
  });
  closers.push(() => sync.stop());
  const retention = new RetentionService({ store, localDays: options.config.kiosk.retentionDays, log, now });
  closers.push(() => retention.stop());
  // A device out of order too long in office hours gets a ticket without anybody asking.
  const faultWatcher = new DeviceFaultWatcher({
    devices,
    openFault: (deviceId, summary) => void faultTickets.open(deviceId, summary),
    tickets: () => faultTickets.list(),
    officeHours: () => siteNow().officeHours,
    afterMinutes: options.config.kiosk.deviceFaultMinutes,
    now,
  });
  closers.push(() => faultWatcher.stop());
  closers.push(devices.onSelfTest((deviceId, result) => faultTickets.desk.selfTested(deviceId, result.ok)));
  const applications = new ApplicationsService({ store, catalog, session: residents, faceCaptures, afterSubmit: () => sync.queued(), sendNow: () => sync.sendNow(), now, readCardHolder: cardHolderReader(devices) });
  const queries = new QueriesService({
    client: county,
    catalog,
    session: residents,
    now,
    documents: countyDocuments,
    listings: {
      save: (itemCode, params, answer) => saveListing(store.db, itemCode, params, answer),
      get: (itemCode, params, maxHours) => cachedListing(store.db, itemCode, params, maxHours, now()),
    },
  });
  // Listings with a copy young enough to show offline (the tile is ready offline only for these).
  const offlineReady = () =>
    newestListings(store.db).filter((l) => {
      const item = catalog.find(l.itemCode);
      return item?.offlineCache === true && now().getTime() - Date.parse(l.fetchedAt) <= item.offlineCacheMaxHours * 3_600_000;
    });
  // A visit that ends closes the resident's session at the county too (its lookups stop).
  closers.push(events.subscribe((event, data) => {
    if (event === 'session.changed' && (data as { state: string }).state === 'none') void queries.visitEnded();
  }));
  const staff = new StaffService({ store, now, events });
  // Who is logged in on which screen of this point; a staff list from the county ends disabled accounts' logins.
  const presence = new StaffPresence({ db: store.db, events, now });
  closers.push(events.subscribe((event, data) => {
    if (event !== 'config.changed' || (data as { part?: string }).part !== 'staff') return;
    presence.applyStaffList(staff.accounts());
    staff.staffListArrived();
  }));
  const report = new ReportService({
    store,
    config: options.config,
    officeHours: () => siteNow().officeHours,
    catalog,
    sign: options.config.county ? reportSigner(countySecret(options.config.county)) : null,
    afterSubmit: () => sync.queued(),
    now,
  });
  closers.push(() => report.stop());

  // Help calls reach clerks on this core's screens and, on the kiosk, at the paired window PC (lan/lan-pairing.ts).
  let lan: LanPairing | null = null;
  const help = new HelpService({
    events,
    now,
    store,
    clerksOnDuty: () => {
      const here = presence.clerksOnDuty();
      return [...here, ...(lan?.remoteClerks() ?? []).filter((r) => !here.some((c) => c.id === r.id))];
    },
    contact: () => {
      const { consultationPhone, onDuty } = siteNow();
      return { phone: consultationPhone, onDuty };
    },
  });
  lan = await startLanPairing({ config: options.config, dataDir: options.dataDir, key: store.key, db: store.db, events, log, now, help, localClerks: () => presence.clerksOnDuty() });
  closers.push(() => lan?.close());
  const commissioning = new CommissioningService({
    store,
    config: options.config,
    kioskId: options.config.county?.kioskId ?? options.config.site.divisionCode,
    appVersion: options.appVersion,
    now,
    devices,
    syncRound: async () => {
      const round = await sync.engine.runRound();
      return { ok: round.ok, error: round.error };
    },
    client: county,
    staffAccounts: () => staff.accounts(),
    consultationPhone: () => siteNow().consultationPhone,
    officeHours: () => siteNow().officeHours,
  });

  // The clerk's day: own work, the queue, the county's rejections and the village list (asked of the county).
  const clerkDay = new ClerkDayService({
    db: store.db,
    now,
    queue: () => {
      const s = sync.engine.status();
      return { pending: s.pending, oldestPendingAt: s.oldestPendingAt, lastSyncAt: s.lastSyncAt, online: s.online };
    },
    villageList: county?.villageList ? (staffId) => county.villageList!(staffId) : null,
  });

  const cases: CasesService = new CasesService({ store, now, catalog, session: residents, afterQueued: () => sync.queued(), printHandover: (data, language) => printing.caseHandover(data, language) });
  let siteConfig = options.config;
  const handlers: HandlerMap = {
    ...commissioningHandlers(commissioning, () => sync.queued()),
    ...catalogHandlers(catalog),
    ...inquiriesHandlers(new InquiriesService({ store, now, catalog, printRegister: (rows, clerk, language) => printing.inquiryRegister(rows, clerk, language), printRegisterA4: (rows, clerk, language) => printing.inquiryRegisterA4(rows, clerk, language), printNotification: (itemCode, language) => printAndWait(events, () => printing.notification(itemCode, language), (jobId) => printing.cancel(jobId)), afterChange: () => events.emit('records.changed', { cause: 'inquiry' }) })),
    ...helpHandlers(help),
    ...casesHandlers(cases),
    // The window PC paired over the LAN (lan/lan-pairing.ts): its answers to the kiosk's calls go to the kiosk.
    ...lan.handlers,
    ...printingHandlers(printing, (p, ctx) => recordPrint(store.db, { id: p.jobId, at: now().toISOString(), kind: p.kind, itemCode: p.itemCode, ...stampOf(ctx.connection) })),
    ...faceHandlers(face),
    ...documentCamera.handlers,
    ...applicationsHandlers(applications),
    ...proxyHandlers(
      new ProxyService({
        session,
        catalog,
        now,
        readCardHolder: () => cardHolderReader(devices)(),
        verifyPin: (pin, deviceId) => {
          const reader = deviceId ? devices.driverOf(deviceId, 'socialSecurityCardReader') : devices.firstOfKind('socialSecurityCardReader');
          if (!reader) throw new KioskError('device_not_configured', { details: { kind: 'socialSecurityCardReader' } });
          return reader.verifyPin(pin);
        },
        audit: (entry) => insertAudit(store.db, { at: now().toISOString(), channel: 'proxy', ...entry }),
      }),
    ),
    ...queriesHandlers(queries, offlineReady),
    ...countingQueries(queriesHandlers(queries, offlineReady), (itemCode, ctx) =>
      activity.query(itemCode, stampOf(ctx.connection), catalog.find(itemCode)?.identity.required ? (session.current()?.idNumber ?? null) : null),
    ),
    ...staffHandlers(staff),
    ...homeVisitHandlers({ config: options.config, db: store.db, now }),
    // A login made at the window PC serves residents at the window (stamped window); on the laptop, homeVisit.
    'staff.login': async (input, ctx) => {
      const view = await staffHandlers(staff)['staff.login'](input, ctx);
      if (ctx.connection.staff) ctx.connection.staff.channel = stationChannel(options.config.kiosk.station);
      return view;
    },
    ...clerkDayHandlers(clerkDay),
    ...homeVisitReadinessHandlers({
      db: store.db,
      key: store.key,
      now,
      isHomeVisit: options.config.kiosk.station === 'homeVisit',
      sync: () => {
        const s = sync.engine.status();
        return { pending: s.pending, online: s.online, lastSyncAt: s.lastSyncAt };
      },
    }),
    // Logging out leaves nothing of the clerk's village list in memory.
    'staff.logout': (input, ctx) => {
      const id = ctx.connection.staff?.id;
      if (id) clerkDay.forget(id);
      return staffHandlers(staff)['staff.logout'](input, ctx);
    },
    ...syncHandlers(sync),
    ...announcementsHandlers(store.db, now),
    ...faultTicketHandlers(faultTickets),
    ...sessionHandlers(session, devices),
    ...devicesHandlers(devices),
    ...technicianDeviceHandlers({
      devices,
      configFile: new SiteConfigFile(options.configFile ?? path.join(options.dataDir, 'site-config.json')),
      config: () => siteConfig,
      setConfig: (next) => {
        siteConfig = next;
      },
      printTestPage: (deviceId) => printing.testPage(deviceId, undefined).jobId,
    }),
    'diagnostics.export': (input) =>
      writeDiagnosticsBundle(
        {
          kioskId: options.config.county?.kioskId ?? options.config.site.divisionCode,
          config: siteConfig,
          versions: () => ({ appVersion: options.appVersion, node: process.version, platform: process.platform, arch: process.arch, simulated: options.simulate }),
          devices: () => devices.list().map((status) => ({ status, ...devices.detail(status.id) })),
          frames: () => Object.fromEntries(devices.list().map((d) => [d.id, devices.frames(d.id)])),
          queue: () => ({ sync: sync.engine.status(), faults: faultTickets.list().length }),
          logDir: path.join(options.dataDir, 'logs'),
          now,
        },
        input.folder,
      ),
    ...reportHandlers(report),
    // The developer panel's simulator controls exist only under --simulate.
    ...(options.simulate ? devSimulatorHandlers({ devices, refreshPrinter: (deviceId) => printing.refresh(deviceId), clock: simulatedClock }) : notSimulatedHandlers()),
    ...systemHandlers({
      config: options.config,
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      simulate: options.simulate,
      startedAt: Date.now(),
      now,
      site: siteNow,
    }),
  };

  const rolesOf = (connection: Connection): ReadonlySet<Access> => {
    const roles = new Set<Access>(['public']);
    for (const role of staff.current(connection)?.roles ?? []) roles.add(role);
    if (session.current() && session.ownerConnectionId() === connection.id) roles.add('resident');
    return roles;
  };

  const dispatcher = new Dispatcher(handlers, rolesOf, log);
  await devices.start();
  for (const status of devices.list()) activity.deviceStatus(status);
  session.attach();
  faultWatcher.start();
  printing.attach();
  documentCamera.attach();
  sync.start();
  retention.start();
  report.start();

  const kioskCore: KioskCore = {
    dispatcher,
    events,
    config: options.config,
    log,
    newConnection: (carrier) => presence.track(newConnection(carrier)),
    dropConnection: (connection) => {
      delete connection.staff;
      presence.untrack(connection);
    },
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
  // kioskctl's way in on both shells: the same dispatcher over a socket only the kiosk's user can open.
  if (options.controlSocket !== false) {
    const control = await startControlSocket(kioskCore, options.controlSocket ?? controlEndpoint(options.dataDir).path);
    if (control) closers.push(() => control.close());
  }
  return kioskCore;
}
