/**
 * A card reader simulator in its own process on a serial port (one end of a socat pty pair, or a real null-modem
 * cable), for integration tests, benchmarks and demonstrations without hardware:
 *
 *   node dist/devices/simulators/serial-simulator-main.js --device idCard|ssCard --port /dev/pts/N [--baud 115200] [--resident 0]
 *
 * It paces its answers at the baud rate like a real line. Commands on stdin, one a line:
 *   insert <residentIndex> · remove · fault <name>|none [slowMs] · pin-tries <n> · quit
 * It prints "ready" once the port is open and "ok" after each command (or "error <why>").
 */
import readline from 'node:readline';
import { SerialTransport } from '../transports/serial-transport';
import { IdCardSimulator, type IdCardFault } from './id-card-simulator';
import { SocialSecurityCardSimulator, type SocialSecurityCardFault } from './social-security-card-simulator';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const device = arg('device');
  const path = arg('port');
  const baud = Number(arg('baud') ?? 115200);
  if ((device !== 'idCard' && device !== 'ssCard') || !path || !Number.isInteger(baud) || baud <= 0) {
    process.stderr.write('usage: serial-simulator-main --device idCard|ssCard --port PATH [--baud 115200] [--resident N]\n');
    process.exit(2);
  }
  const port = new SerialTransport({ path, baudRate: baud });
  await port.open();
  port.onClose(() => process.exit(0));
  const sim = device === 'idCard' ? new IdCardSimulator(port, { baudRate: baud }) : new SocialSecurityCardSimulator(port, { baudRate: baud });
  const resident = arg('resident');
  if (resident !== undefined) sim.insert(Number(resident));
  process.stdout.write('ready\n');
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [command, a, b] = line.trim().split(/\s+/);
    try {
      if (command === 'insert') sim.insert(Number(a));
      else if (command === 'remove') sim.remove();
      else if (command === 'fault') sim.setFault((a === 'none' ? null : a) as (IdCardFault & SocialSecurityCardFault) | null, b === undefined ? undefined : Number(b));
      else if (command === 'pin-tries' && sim instanceof SocialSecurityCardSimulator) sim.setPinTries(Number(a));
      else if (command === 'quit') {
        void port.close().then(() => process.exit(0));
        return;
      } else throw new Error(`unknown command ${command ?? ''}`);
      process.stdout.write('ok\n');
    } catch (error) {
      process.stdout.write(`error ${(error as Error).message}\n`);
    }
  });
  lines.on('close', () => void port.close().then(() => process.exit(0)));
}

void main().catch((error: unknown) => {
  process.stderr.write(`simulator failed: ${(error as Error).message}\n`);
  process.exit(1);
});
