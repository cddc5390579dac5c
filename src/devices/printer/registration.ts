import { z } from 'zod';
import type { DeviceConfig } from '../../shared/config/site-config';
import type { DriverRegistration, SimulatorHandle } from '../manager/registry';
import { wireSimulator } from '../simulators/wired-simulator';
import { ReceiptPrinterDriver } from './driver';
import { PrinterProfileSchema, resolvePrinterProfile } from './profile';
import { ReceiptPrinterSimulator } from './simulator';

/** The receipt printer's `options` block in the site config. */
export const ReceiptPrinterOptionsSchema = z
  .object({
    /** Overrides of the model profile's fields (paper width, cutter, QR support...). */
    profile: PrinterProfileSchema.partial().optional(),
    pollMs: z.number().int().min(100).max(60_000).optional(),
    /** Simulator only: also append the received bytes and the transcript to `<capturePath>.bin` / `.txt`. */
    capturePath: z.string().min(1).optional(),
  })
  .strict();

function optionsOf(config: DeviceConfig): z.infer<typeof ReceiptPrinterOptionsSchema> {
  return ReceiptPrinterOptionsSchema.parse(config.options ?? {});
}

export const receiptPrinterRegistration: DriverRegistration<'receiptPrinter'> = {
  kind: 'receiptPrinter',
  transports: ['serial', 'simulated'],
  defaultSimulatedId: 'receipt-printer',
  create: (ctx) => {
    if (!ctx.transport) throw new Error('receipt printer needs a byte transport');
    const options = optionsOf(ctx.config);
    return new ReceiptPrinterDriver({
      id: ctx.config.id,
      transport: ctx.transport,
      profile: resolvePrinterProfile(ctx.config.model, options.profile),
      simulated: ctx.simulated,
      now: ctx.now,
      ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    });
  },
  createSimulator: (config): SimulatorHandle<ReceiptPrinterSimulator> => {
    const options = optionsOf(config);
    const profile = resolvePrinterProfile(config.model, options.profile);
    const simulator = new ReceiptPrinterSimulator({ columns: profile.columns, ...(options.capturePath ? { capturePath: options.capturePath } : {}) });
    return wireSimulator(`simulated receipt printer ${config.id}`, simulator);
  },
};
