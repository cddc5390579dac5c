import { z } from 'zod';
import type { DriverRegistration } from '../manager/registry';
import { SystemPrinterDriver } from './system-printer-driver';
import { SimulatedDocumentPrinterDriver, SimulatedPrintQueue } from './simulated-print-queue';

export const SystemPrinterOptionsSchema = z.object({ pollMs: z.number().int().min(1000).max(600_000).optional() }).strict();

/**
 * The A4 document printer: an operating-system queue (CUPS), printed to with lp, watched with lpstat; or, simulated,
 * an in-process queue that keeps the PDFs for the developer panel and the tests.
 */
export const documentPrinterRegistration: DriverRegistration<'documentPrinter'> = {
  kind: 'documentPrinter',
  transports: ['systemPrinter', 'simulated'],
  create: (ctx) => {
    if (ctx.config.transport.type === 'simulated') {
      const queue = ctx.simulator?.control;
      if (!(queue instanceof SimulatedPrintQueue)) throw new Error('simulated document printer without its queue');
      return new SimulatedDocumentPrinterDriver(ctx.config.id, queue, ctx.now);
    }
    if (ctx.config.transport.type !== 'systemPrinter') throw new Error('document printer needs a systemPrinter transport');
    const options = SystemPrinterOptionsSchema.parse(ctx.config.options ?? {});
    return new SystemPrinterDriver({ id: ctx.config.id, printerName: ctx.config.transport.name, now: ctx.now, ...(ctx.spooler ? { spooler: ctx.spooler } : {}), ...(options.pollMs ? { pollMs: options.pollMs } : {}) });
  },
  // No byte pipe: the queue is reached through the OS on real machines, directly in-process when simulated.
  createSimulator: () => ({ control: new SimulatedPrintQueue(), close: async () => undefined }),
  // Under --simulate a kiosk without an A4 printer gets the simulated queue (a configured OS queue stays as it is).
  defaultSimulatedId: 'a4-printer',
};
