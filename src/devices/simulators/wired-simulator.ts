import type { SimulatorHandle } from '../manager/registry';
import { createMemoryPair } from '../transports/memory-pair';

/** A simulator that takes the driver's bytes in and answers with bytes out (face module, receipt printer, document camera). */
export interface ByteSimulator {
  receive(chunk: Uint8Array): void;
  onOutput(listener: (bytes: Uint8Array) => void): () => void;
}

/**
 * Wires a byte simulator to the device end of an in-process memory pair; the driver gets the host end. Every such
 * simulated device is plugged in the same way, so it is done here once.
 */
export function wireSimulator<S extends ByteSimulator>(description: string, simulator: S, onClose?: () => void): SimulatorHandle<S> {
  const pair = createMemoryPair(description);
  void pair.device.open();
  pair.device.onData((chunk) => simulator.receive(chunk));
  simulator.onOutput((bytes) => void pair.device.write(bytes).catch(() => undefined));
  return {
    transport: pair.host,
    control: simulator,
    close: async () => {
      onClose?.();
      await pair.device.close();
    },
  };
}
