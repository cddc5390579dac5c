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
 * A running kiosk is reached through its launch URL (the file `launch-url` in its data dir, readable by the kiosk's
 * user only) in --url or KIOSK_URL; the launch token in it goes as a bearer header, never in the socket's URL. Technician commands log in with
 * --user and the password in KIOSK_PASSWORD.
 */
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { fromHex } from '../../devices/core/frame-log';
import { describeIdCardBytes } from '../../devices/id-card/describe-frame';
import { describeApduCommand, describeApduResponse } from '../../devices/apdu/describe-apdu';
import { describeReaderBytes } from '../../devices/social-security-card/describe-reader-frame';
import { discoverPorts } from '../../devices/transports/port-discovery';

const USAGE = `usage: npm run kioskctl -- <command>
  devices list | devices test <id> | devices frames <id>   [--url URL] [--user NAME]  (password in KIOSK_PASSWORD)
  ports
  decode idcard|apdu|apdu-command|sscard <hex>`;

class UsageError extends Error {}

/** One call to the running kiosk over its WebSocket API. */
export class KioskConnection {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: { result?: unknown; error?: { code: string; messageKey: string; details?: unknown } }) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      let message: { id?: number; result?: unknown; error?: { code: string; messageKey: string } };
      try {
        message = JSON.parse(raw.toString()) as typeof message;
      } catch {
        return;
      }
      if (typeof message.id === 'number') {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      }
    });
  }

  static async open(pageUrl: string): Promise<KioskConnection> {
    let url: URL;
    try {
      url = new URL(pageUrl);
    } catch {
      throw new UsageError(`--url is not a URL: ${pageUrl}`);
    }
    const token = url.searchParams.get('token');
    if (!token) throw new UsageError('the URL has no ?token=…: use the launch URL from the file launch-url in the kiosk data dir');
    const ws = new WebSocket(`ws://${url.host}/api`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`the kiosk refused the connection (HTTP ${res.statusCode})`)));
      ws.once('error', reject);
    });
    return new KioskConnection(ws);
  }

  call(method: string, params: unknown = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => (reply.error ? reject(Object.assign(new Error(`${method}: ${reply.error.code}`), { payload: reply.error })) : resolve(reply.result)));
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.ws.close();
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

async function withKiosk<T>(url: string | undefined, user: string | undefined, work: (k: KioskConnection) => Promise<T>): Promise<T> {
  if (!url) throw new UsageError('this command needs a running kiosk: pass --url "$(cat <data dir>/launch-url)" or set KIOSK_URL');
  const kiosk = await KioskConnection.open(url);
  try {
    if (user) {
      const password = process.env.KIOSK_PASSWORD;
      if (!password) throw new UsageError('set KIOSK_PASSWORD for --user');
      await kiosk.call('staff.login', { username: user, password });
    }
    return await work(kiosk);
  } finally {
    kiosk.close();
  }
}

export async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { url: { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const url = values.url ?? process.env.KIOSK_URL;
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) throw new UsageError(USAGE);
  if (command === 'decode') {
    if (!sub || rest.length === 0) throw new UsageError(USAGE);
    return decode(sub, rest.join(' '));
  }
  if (command === 'ports') return discoverPorts();
  if (command === 'devices') {
    if (sub === 'list') return withKiosk(url, values.user, (k) => k.call('devices.list'));
    if ((sub === 'test' || sub === 'frames') && rest[0]) {
      const deviceId = rest[0];
      return withKiosk(url, values.user, (k) => k.call(sub === 'test' ? 'devices.selfTest' : 'devices.frames', { deviceId }));
    }
  }
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
      const payload = (error as { payload?: unknown }).payload;
      console.error(payload ? `kiosk answered: ${JSON.stringify(payload)}` : `kioskctl: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
