import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { SerialTransport } from '../transports/serial-transport';
import { FaceModuleSimulator, type SimulatedFaceOutcome } from './simulator';

/**
 * Runs the face module simulator on a serial port (a socat pty end, or a cable to a kiosk under test).
 * Control on stdin, one command a line, answers on stdout as JSON: `next pass|spoof|noFace|silent` · `quit`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, baud: { type: 'string', default: '115200' }, 'step-ms': { type: 'string', default: '100' } }, strict: true });
  if (!values.port) {
    console.error('usage: serve-simulator --port PATH [--baud 115200] [--step-ms 100]');
    process.exit(2);
  }
  const simulator = new FaceModuleSimulator({ stepMs: Number(values['step-ms']) });
  const port = new SerialTransport({ path: values.port, baudRate: Number(values.baud) });
  await port.open();
  port.onData((chunk) => simulator.receive(chunk));
  simulator.onOutput((bytes) => void port.write(bytes).catch(() => undefined));
  const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  const rl = readline.createInterface({ input: process.stdin });
  const stop = () => {
    simulator.close();
    void port.close().finally(() => process.exit(0));
  };
  rl.on('line', (line) => {
    const [command, arg] = line.trim().split(/\s+/);
    if (command === 'next' && ['pass', 'spoof', 'noFace', 'silent'].includes(arg ?? '')) {
      simulator.setNextOutcome(arg as SimulatedFaceOutcome);
      return reply({ ok: true });
    }
    if (command === 'quit') return stop();
    return reply({ ok: false, error: `unknown command: ${line.trim()}` });
  });
  rl.on('close', stop);
  reply({ ready: true });
}

void main().catch((error: unknown) => {
  console.error(`face simulator failed: ${(error as Error).message}`);
  process.exit(1);
});
