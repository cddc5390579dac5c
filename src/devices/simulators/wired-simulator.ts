import type { SimulatorHandle } from '../manager/registry';
import type { ByteTransport } from '../core/transport';
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

/**
 * Plugs a simulator that speaks on a port of its own (the card readers', which also run on a pty) into the device
 * end of an in-process memory pair; the driver gets the host end.
 */
export function plugPortSimulator<S>(description: string, make: (port: ByteTransport) => S): SimulatorHandle<S> {
  const pair = createMemoryPair(description);
  const simulator = make(pair.device);
  void pair.device.open();
  return { transport: pair.host, control: simulator, close: () => pair.device.close() };
}
