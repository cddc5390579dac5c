/**
 * The technician's command line: `npm run kioskctl -- <command>`.
 *
 *   devices list                   every device with state, media and detail (needs a running kiosk)
 *   devices test <id>              run a device's self-test (technician login)
 *   devices frames <id>            the device's recent frames (technician login)
 *   ports                          serial ports and HID devices with vendor/product ids (this machine)
 *   decode idcard <hex>            ID card reader frames (commands, answers, card text) as JSON
 *   decode apdu <hex>              an APDU response (data + SW1 SW2) as JSON; `decode apdu-command <hex>` a command
 *   decode sscard <hex>            social security card reader frames (and the APDUs inside) as JSON
 *
 *   faults                         this kiosk's fault tickets with the county's answers (technician login)
 *
 * A running kiosk is reached, on either shell, through its control socket (`kioskctl.sock` in its data dir, 0600:
 * only the kiosk's user can open it) given as --socket, KIOSK_SOCKET, or --data-dir / KIOSK_DATA_DIR; or, on the
 * browser host, through its launch URL (the file `launch-url` in the data dir) in --url or KIOSK_URL, whose token
 * goes as a bearer header. Technician commands log in with --user and the password in KIOSK_PASSWORD.
 */
import net from 'node:net';
import { controlEndpoint } from '../control/control-endpoint';
import { parseArgs } from 'node:util';
import { KioskClient, type ClientCarrier } from '../../shared/contract/client';
import { KioskError } from '../../shared/contract/errors';
import { openWebSocketClient } from './websocket-client';
import { fromHex } from '../../devices/core/frame-log';
import { describeIdCardBytes } from '../../devices/id-card/describe-frame';
import { describeApduCommand, describeApduResponse } from '../../devices/apdu/describe-apdu';
import { describeReaderBytes } from '../../devices/social-security-card/describe-reader-frame';
import { discoverPorts } from '../../devices/transports/port-discovery';

const USAGE = `usage: npm run kioskctl -- <command>
  devices list | devices test <id> | devices frames <id> | faults
      [--socket PATH | --data-dir DIR | --url URL] [--user NAME]  (password in KIOSK_PASSWORD)
  ports
  decode idcard|apdu|apdu-command|sscard <hex>`;

class UsageError extends Error {}

type Reply = { id?: unknown; result?: unknown; error?: { code: string; messageKey: string; details?: unknown } };

/** The carrier over the core's control socket (one JSON request per line, one answer per line); it pushes no events. */
export class ControlConnection implements ClientCarrier {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(private readonly socket: net.Socket) {
    // A socket that ends answers every waiting call, so a tool never hangs on a kiosk that stopped.
    socket.on('close', () => {
      for (const answer of this.pending.values()) answer({ error: new KioskError('unauthenticated', { retryable: true }).toPayload() });
      this.pending.clear();
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        let reply: Reply;
        try {
          reply = JSON.parse(line) as Reply;
        } catch {
          continue;
        }
        if (typeof reply.id === 'number') {
          this.pending.get(reply.id)?.(reply);
          this.pending.delete(reply.id);
        }
      }
    });
  }

  static open(socketPath: string): Promise<ControlConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(socketPath);
      socket.once('connect', () => resolve(new ControlConnection(socket)));
      socket.once('error', (error: NodeJS.ErrnoException) =>
        reject(new Error(error.code === 'EACCES' ? `no access to ${socketPath}: run kioskctl as the kiosk's user` : error.code === 'ENOENT' || error.code === 'ECONNREFUSED' ? `no kiosk is running on ${socketPath}` : error.message)),
      );
    });
  }

  call(method: string, params: unknown): Promise<{ result: unknown } | { error: unknown }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (reply) => resolve(reply.error ? { error: reply.error } : { result: reply.result }));
      this.socket.write(`${JSON.stringify({ id, method, params })}\n`);
    });
  }

  onEvent(): () => void {
    return () => undefined;
  }

  close(): void {
    this.socket.end();
  }
}

export function decode(protocol: string, hex: string): unknown {
  const bytes = fromHex(hex);
  if (!bytes || bytes.length === 0) throw new UsageError('give the bytes as hex, e.g. "AA AA AA 96 69 00 03 20 01 22"');
  switch (protocol) {
    case 'idcard':
      return describeIdCardBytes(bytes);
    case 'apdu':
      return describeApduResponse(bytes);
    case 'apdu-command':
      return describeApduCommand(bytes);
    case 'sscard':
      return describeReaderBytes(bytes);
    default:
      throw new UsageError(`unknown protocol "${protocol}" (idcard, apdu, apdu-command, sscard)`);
  }
}

interface Target {
  socket: string | undefined;
  url: string | undefined;
}

/** The launch URL's origin and token (the file `launch-url` in the kiosk's data dir). */
function launchTarget(pageUrl: string): { origin: string; token: string } {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    throw new UsageError(`--url is not a URL: ${pageUrl}`);
  }
  const token = url.searchParams.get('token');
  if (!token) throw new UsageError('the URL has no ?token=…: use the launch URL from the file launch-url in the kiosk data dir');
  return { origin: url.origin, token };
}

/** The typed KioskClient over the control socket or the browser host's WebSocket, logged in with --user if given. */
async function withKiosk<T>(target: Target, user: string | undefined, work: (k: KioskClient) => Promise<T>): Promise<T> {
  if (!target.socket && !target.url) throw new UsageError('this command needs a running kiosk: pass --data-dir <kiosk data dir> (or --socket, KIOSK_SOCKET, KIOSK_DATA_DIR), or --url "$(cat <data dir>/launch-url)"');
  let kiosk: { client: KioskClient; close(): void };
  if (target.socket) {
    const control = await ControlConnection.open(target.socket);
    const client = new KioskClient(control);
    kiosk = { client, close: () => (client.close(), control.close()) };
  } else {
    const { origin, token } = launchTarget(target.url!);
    kiosk = await openWebSocketClient(origin, token);
  }
  try {
    if (user) {
      const password = process.env.KIOSK_PASSWORD;
      if (!password) throw new UsageError('set KIOSK_PASSWORD for --user');
      await kiosk.client.invoke('staff.login', { username: user, password });
    }
    return await work(kiosk.client);
  } finally {
    kiosk.close();
  }
}

export async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { url: { type: 'string' }, socket: { type: 'string' }, 'data-dir': { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const url = values.url ?? process.env.KIOSK_URL;
  const dataDir = values['data-dir'] ?? process.env.KIOSK_DATA_DIR;
  const socket = values.socket ?? process.env.KIOSK_SOCKET ?? (dataDir ? controlEndpoint(dataDir).path : undefined);
  // An explicit --url wins over a socket from the environment.
  const target: Target = values.url ? { socket: values.socket, url } : { socket, url };
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) throw new UsageError(USAGE);
  if (command === 'decode') {
    if (!sub || rest.length === 0) throw new UsageError(USAGE);
    return decode(sub, rest.join(' '));
  }
  if (command === 'ports') return discoverPorts();
  if (command === 'devices') {
    if (sub === 'list') return withKiosk(target, values.user, (k) => k.invoke('devices.list', {}));
    if ((sub === 'test' || sub === 'frames') && rest[0]) {
      const deviceId = rest[0];
      return withKiosk<unknown>(target, values.user, (k) => (sub === 'test' ? k.invoke('devices.selfTest', { deviceId }) : k.invoke('devices.frames', { deviceId })));
    }
  }
  if (command === 'faults' && !sub) return withKiosk(target, values.user, (k) => k.invoke('faults.list', {}));
  throw new UsageError(USAGE);
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (result) => {
      console.log(JSON.stringify(result, null, 2));
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(error.message);
        process.exit(2);
      }
      console.error(error instanceof KioskError ? `kiosk answered: ${JSON.stringify(error.toPayload())}` : `kioskctl: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
