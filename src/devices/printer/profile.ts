import { z } from 'zod';

/**
 * What differs between receipt printer models, so a new model is a config change, not a code change.
 * The built-in profiles cover the common Chinese 58 mm and 80 mm thermal printers; a site config can pick one by
 * `model` and override any field through the device's `options.profile`.
 */
export const PrinterProfileSchema = z.object({
  name: z.string().min(1),
  /** Printable width in dots (8 dots/mm on 203 dpi heads: 58 mm paper -> 384, 80 mm -> 576). */
  widthDots: z.number().int().min(128).max(2048),
  /** Characters per line in the normal (12x24) font: one CJK character takes two columns. */
  columns: z.number().int().min(16).max(96),
  /** Text encoding sent to the printer; GB18030 is a superset of GBK and GB2312. */
  codePage: z.enum(['gb18030', 'gbk']),
  /** Send `1C 26` (Chinese mode on) after initialising; most Chinese models start in it anyway. */
  chineseModeCommand: z.boolean(),
  /** The printer's own QR command (`1D 28 6B`); without it the QR code is left out and the text is printed. */
  qr: z.boolean(),
  /** QR module size in dots (1..16). */
  qrModuleSize: z.number().int().min(1).max(16),
  /** Cutter: many Chinese models only cut partially. */
  cutter: z.enum(['full', 'partial', 'none']),
  /** Lines fed before cutting so the last printed line clears the cutter. */
  feedLinesBeforeCut: z.number().int().min(0).max(20),
  /** Whether the model answers `10 04 n` real-time status requests. */
  realTimeStatus: z.boolean(),
  /** Bytes per write: the driver checks status between chunks so a paper-out mid-job is noticed. */
  chunkBytes: z.number().int().min(16).max(65536),
});
export type PrinterProfile = z.infer<typeof PrinterProfileSchema>;

export const BUILT_IN_PROFILES: Readonly<Record<string, PrinterProfile>> = {
  'generic-80mm': {
    name: 'generic-80mm',
    widthDots: 576,
    columns: 48,
    codePage: 'gb18030',
    chineseModeCommand: true,
    qr: true,
    qrModuleSize: 6,
    cutter: 'partial',
    feedLinesBeforeCut: 4,
    realTimeStatus: true,
    chunkBytes: 256,
  },
  'generic-58mm': {
    name: 'generic-58mm',
    widthDots: 384,
    columns: 32,
    codePage: 'gb18030',
    chineseModeCommand: true,
    qr: true,
    qrModuleSize: 5,
    cutter: 'none',
    feedLinesBeforeCut: 3,
    realTimeStatus: true,
    chunkBytes: 256,
  },
};

export const DEFAULT_PROFILE = 'generic-80mm';

/** The profile for a configured printer: built-in by model name, then the config's overrides, all validated. */
export function resolvePrinterProfile(model: string | undefined, overrides: unknown): PrinterProfile {
  const base = BUILT_IN_PROFILES[model ?? DEFAULT_PROFILE];
  if (!base) {
    throw new Error(`unknown receipt printer model "${model}"; known: ${Object.keys(BUILT_IN_PROFILES).join(', ')}`);
  }
  const merged = { ...base, ...(overrides && typeof overrides === 'object' ? overrides : {}) };
  return PrinterProfileSchema.parse(merged);
}
