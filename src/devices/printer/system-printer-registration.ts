import { z } from 'zod';
import type { DriverRegistration } from '../manager/registry';
import { SystemPrinterDriver } from './system-printer-driver';

export const SystemPrinterOptionsSchema = z.object({ pollMs: z.number().int().min(1000).max(600_000).optional() }).strict();

/** The A4 document printer: an operating-system queue (CUPS), printed to with lp, watched with lpstat. */
export const documentPrinterRegistration: DriverRegistration = {
  kind: 'documentPrinter',
  transports: ['systemPrinter'],
  create: (ctx) => {
    if (ctx.config.transport.type !== 'systemPrinter') throw new Error('document printer needs a systemPrinter transport');
    const options = SystemPrinterOptionsSchema.parse(ctx.config.options ?? {});
    return new SystemPrinterDriver({ id: ctx.config.id, printerName: ctx.config.transport.name, now: ctx.now, ...(options.pollMs ? { pollMs: options.pollMs } : {}) });
  },
};
