import { z } from 'zod';
import { DeviceKindSchema } from '../domain/devices';
import { OfficeHoursSchema } from '../domain/office-hours';
import { StationSchema } from './station';

/**
 * The site configuration file (one per kiosk). Everything here is checked at start-up; a wrong file stops the
 * kiosk with a message naming the field (see src/main/config/load-site-config.ts).
 */

const LocalisedTextSchema = z.object({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
});

export const SerialTransportSchema = z.object({
  type: z.literal('serial'),
  path: z.string().min(1),
  baudRate: z.number().int().positive().default(115200),
});

export const HidTransportSchema = z.object({
  type: z.literal('hid'),
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  serialNumber: z.string().optional(),
});

/** The embedded simulator speaking the device's protocol in-process (`--simulate`, or no hardware configured). */
export const SimulatedTransportSchema = z.object({ type: z.literal('simulated') });

/** A camera read by the renderer through getUserMedia, picked by label or device id. */
export const MediaTransportSchema = z.object({
  type: z.literal('media'),
  label: z.string().optional(),
  deviceId: z.string().optional(),
});

/** An operating-system printer reached through the host (lp under Linux, webContents.print in Electron). */
export const SystemPrinterTransportSchema = z.object({
  type: z.literal('systemPrinter'),
  name: z.string().min(1),
});

export const DeviceTransportSchema = z.discriminatedUnion('type', [
  SerialTransportSchema,
  HidTransportSchema,
  SimulatedTransportSchema,
  MediaTransportSchema,
  SystemPrinterTransportSchema,
]);
export type DeviceTransportConfig = z.infer<typeof DeviceTransportSchema>;

export const DeviceConfigSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  kind: DeviceKindSchema,
  transport: DeviceTransportSchema,
  /** Model profile name (printer paper width, camera HID reports, APDU variants...). */
  model: z.string().optional(),
  /** Driver-specific options, checked by the driver's own schema when it is built. */
  options: z.record(z.string(), z.unknown()).default({}),
});
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;

export const CountyConfigSchema = z
  .object({
    url: z.url(),
    kioskId: z.string().min(1).max(64),
    /** Shared secret for request signing (base64, at least 32 bytes), or a file holding it (mode 0600 or stricter). */
    secret: z.string().min(16).optional(),
    secretFile: z.string().optional(),
    /** PEM of the county's CA for TLS pinning (required unless `development`). */
    caFile: z.string().optional(),
    /** The county's config signing public key (PEM, its config-signing.pub.pem); required unless `development`. */
    configPublicKeyFile: z.string().optional(),
    /** Development only: allows http:, no pinned CA and unsigned config. Never on a kiosk in a village. */
    development: z.boolean().default(false),
    syncIntervalSeconds: z.number().int().min(5).max(3600).default(30),
  })
  .superRefine((county, ctx) => {
    const protocol = URL.canParse(county.url) ? new URL(county.url).protocol : '';
    if (protocol !== 'https:' && !(protocol === 'http:' && county.development)) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'must be https: (http: only with "development": true)' });
    }
    if (!county.development && !county.caFile) ctx.addIssue({ code: 'custom', path: ['caFile'], message: "required: the county CA's PEM file to pin" });
    if (!county.development && !county.configPublicKeyFile) {
      ctx.addIssue({ code: 'custom', path: ['configPublicKeyFile'], message: "required: the county's config signing public key (PEM)" });
    }
  });
export type CountyConfig = z.infer<typeof CountyConfigSchema>;

export const SiteConfigSchema = z
  .object({
    site: z.object({
      name: LocalisedTextSchema,
      /** 12-digit statistical division code of the village (or township for the demonstration point). */
      divisionCode: z.string().regex(/^\d{12}$/, '12 digits'),
      level: z.enum(['village', 'demonstration']),
      officeHours: z.array(OfficeHoursSchema).min(1),
      consultationPhone: z.string().regex(/^[0-9-]{5,20}$/, 'digits and dashes'),
      /** The person on duty for 首问负责 today (shown on the attract screen). */
      onDuty: z.string().max(30).optional(),
    }),
    kiosk: z
      .object({
        /** Seconds of inactivity before the idle warning. */
        idleTimeoutSeconds: z.number().int().min(30).max(600).default(75),
        /** Seconds of the countdown dialog. */
        idleCountdownSeconds: z.number().int().min(10).max(120).default(20),
        defaultLanguage: z.enum(['zh-CN', 'en']).default('zh-CN'),
        /** Days an acknowledged submission's personal data is kept before it is purged. */
        retentionDays: z.number().int().min(1).max(3650).default(30),
        /** Removed: nothing checked it. Technicians log in with their county staff account; a config naming it is refused. */
        technicianPinHash: z.undefined({ error: 'no longer supported: technicians log in with their county staff account' }).optional(),
        /** Minutes without a touch after which a clerk's login on a screen ends by itself. */
        staffIdleMinutes: z.number().int().min(1).max(240).default(15),
        /** Minutes a device may stay out of order during office hours before the kiosk opens a fault ticket itself. */
        deviceFaultMinutes: z.number().int().min(1).max(1440).default(15),
        /**
         * kiosk: the self-service machine; window: the same app on the window PC, opening into the clerk's login and
         * workspace; homeVisit: the same app on a clerk's laptop taken to residents' homes (docs/home-visit.md).
         */
        station: StationSchema.default('kiosk'),
        /** The village groups (村民小组) a home-visit clerk chooses the resident's from; required for station homeVisit. */
        villageGroups: z.array(z.string().trim().min(1).max(30)).max(100).default([]),
      })
      .default({ idleTimeoutSeconds: 75, idleCountdownSeconds: 20, defaultLanguage: 'zh-CN', retentionDays: 30, staffIdleMinutes: 15, deviceFaultMinutes: 15, station: 'kiosk', villageGroups: [] }),
    county: CountyConfigSchema.optional(),
    /** The kiosk's LAN pairing listener (docs/lan-pairing.md): the address on the point's network its window PC links to. */
    lan: z.object({ host: z.string().min(1).max(100), port: z.number().int().min(0).max(65535).default(7420) }).optional(),
    devices: z.array(DeviceConfigSchema).default([]),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.kiosk.station === 'homeVisit' && cfg.kiosk.villageGroups.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['kiosk', 'villageGroups'], message: 'a home-visit laptop needs the village groups its clerk chooses from' });
    }
    const seen = new Set<string>();
    cfg.devices.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['devices', i, 'id'], message: `duplicate device id "${d.id}"` });
      seen.add(d.id);
    });
    if (cfg.county && !cfg.county.secret && !cfg.county.secretFile) {
      ctx.addIssue({ code: 'custom', path: ['county', 'secret'], message: 'secret or secretFile is required' });
    }
  });

export type SiteConfig = z.infer<typeof SiteConfigSchema>;
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
