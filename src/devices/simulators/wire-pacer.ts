import type { ByteTransport } from '../core/transport';

/**
 * Sends bytes no faster than a serial line at `baudRate` (8N1 = 10 bits a byte) would carry them, so a simulator on
 * a pty behaves like real hardware in timing; baudRate 0 sends at once.
 */
export async function sendPaced(port: ByteTransport, bytes: Buffer, baudRate: number, chunkBytes = 128): Promise<void> {
  if (baudRate <= 0) {
    await port.write(bytes);
    return;
  }
  const started = performance.now();
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const chunk = bytes.subarray(offset, offset + chunkBytes);
    const dueMs = ((offset + chunk.length) * 10 * 1000) / baudRate;
    const wait = started + dueMs - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (!port.isOpen) return;
    await port.write(chunk);
  }
}

export function wireTimeMs(bytes: number, baudRate: number): number {
  return (bytes * 10 * 1000) / baudRate;
}
