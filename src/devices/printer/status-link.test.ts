import type { ByteTransport } from '../core/transport';
import { resolvePrinterProfile } from './profile';
import { NoAnswer, PrinterStatusLink } from './status-link';

/** A line going away under a write: the write never calls back (node-serialport can leave it so). */
const stuckLine: ByteTransport = {
  description: 'stuck',
  isOpen: true,
  open: async () => undefined,
  close: async () => undefined,
  write: () => new Promise<void>(() => undefined),
  onData: () => () => undefined,
  onClose: () => () => undefined,
};

describe('printer status link', () => {
  it('ends a status round by its own deadline when the write never calls back, and takes the next round', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const link = new PrinterStatusLink(stuckLine, resolvePrinterProfile('generic-80mm', {}), 30, () => new Date());
      link.attach();
      await expect(link.readCondition()).rejects.toBeInstanceOf(NoAnswer);
      // The round did not keep the status lock: the next one is asked and ends by its deadline too.
      await expect(link.readCondition(true)).rejects.toBeInstanceOf(NoAnswer);
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
