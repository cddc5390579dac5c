import { z } from 'zod';
import { byteLineRegistration } from '../manager/byte-line-registration';
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

export const receiptPrinterRegistration = byteLineRegistration({
  kind: 'receiptPrinter',
  name: 'receipt printer',
  defaultSimulatedId: 'receipt-printer',
  options: ReceiptPrinterOptionsSchema,
  driver: (line, options, ctx) =>
    new ReceiptPrinterDriver({
      ...line,
      profile: resolvePrinterProfile(ctx.config.model, options.profile),
      ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    }),
  simulator: (description, options, config) => {
    const profile = resolvePrinterProfile(config.model, options.profile);
    const simulator = new ReceiptPrinterSimulator({ columns: profile.columns, ...(options.capturePath ? { capturePath: options.capturePath } : {}) });
    return wireSimulator(description, simulator);
  },
});
