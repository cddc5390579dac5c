import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { SerialTransport } from '../transports/serial-transport';
import { ReceiptPrinterSimulator } from './simulator';

/**
 * Runs the receipt printer simulator on a serial port (one end of a socat pty pair, or a USB-serial cable to a
 * kiosk under test), in its own process. `--baud` models the line: each chunk is acted on only when its bytes would
 * have arrived at that rate, so status answers come back as late as a real printer's would.
 *
 * Control on stdin, one command a line; answers on stdout as one JSON line:
 *   paper present|low|out · cover open|closed · runout N · dump · clear · quit
 */
const USAGE = 'usage: serve-simulator --port PATH [--baud 115200] [--columns 48] [--capture PATH]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, baud: { type: 'string', default: '115200' }, columns: { type: 'string', default: '48' }, capture: { type: 'string' } },
    strict: true,
  });
  if (!values.port) {
    console.error(USAGE);
    process.exit(2);
  }
  const baud = Number(values.baud);
  const columns = Number(values.columns);
  if (!Number.isFinite(baud) || baud < 0 || !Number.isInteger(columns) || columns < 16) {
    console.error(USAGE);
    process.exit(2);
  }
  const simulator = new ReceiptPrinterSimulator({ columns, ...(values.capture ? { capturePath: values.capture } : {}) });
  const port = new SerialTransport({ path: values.port, baudRate: baud > 0 ? baud : 115200 });
  await port.open();
  simulator.onOutput((bytes) => void port.write(bytes).catch(() => undefined));

  // The line: chunks are handed to the printer when their last byte would have arrived.
  let lineFreeAt = 0;
  port.onData((chunk) => {
    const now = performance.now();
    lineFreeAt = Math.max(now, lineFreeAt) + (baud > 0 ? (chunk.length * 10 * 1000) / baud : 0);
    const wait = lineFreeAt - now;
    if (wait < 1) simulator.receive(chunk);
    else setTimeout(() => simulator.receive(chunk), wait);
  });

  const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const [command, arg] = line.trim().split(/\s+/);
    switch (command) {
      case 'paper':
        if (arg === 'present' || arg === 'low' || arg === 'out') simulator.setPaper(arg);
        return reply({ ok: arg === 'present' || arg === 'low' || arg === 'out' });
      case 'cover':
        simulator.setCoverOpen(arg === 'open');
        return reply({ ok: true });
      case 'runout':
        simulator.runOutAfterLines(Number(arg));
        return reply({ ok: Number.isInteger(Number(arg)) });
      case 'dump':
        return reply({ ok: true, transcript: simulator.transcript(), rawHex: simulator.rawBytes().toString('hex'), state: simulator.getState() });
      case 'clear':
        simulator.clear();
        return reply({ ok: true });
      case 'quit':
        void port.close().finally(() => process.exit(0));
        return undefined;
      default:
        return reply({ ok: false, error: `unknown command: ${command ?? ''}` });
    }
  });
  rl.on('close', () => void port.close().finally(() => process.exit(0)));
  reply({ ready: true, port: values.port, baud });
}

void main().catch((error: unknown) => {
  console.error(`printer simulator failed: ${(error as Error).message}`);
  process.exit(1);
});
