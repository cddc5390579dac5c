import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCommandLine, tellWhyNot } from '../shared/command-line/command-line';
import { DEMO_KIOSK_ID, DEMO_KIOSK_SECRET, seedDemo } from './demo-seed';
import { registerKiosk } from './county-state';
import { startCountyServer } from './server';
import { GATEWAY_LOG_LEVELS, type GatewayLogLevel } from './gateway-log';
import { defaultCatalog } from '../shared/catalog/default-catalog';
import { seedConsoleDemo } from './console';
import { REPORT_USAGE, runReportCommand } from './report-cli';

const USAGE = `usage: npm run county -- [--port N] [--data-dir DIR] [--seed demo] [--kiosk ID:SECRET] [--admin-token T]
  --port N           listen on 127.0.0.1:N (default: a free port)
  --data-dir DIR     the county's attachments, signing key and (without --database) its SQLite file (default: ./county-data)
  --database URL     postgres://USER@HOST:PORT/NAME for a real county: several gateways may share one database
  --seed demo        seed an empty county: the catalogue, two clerks, a technician, an announcement, demo residents,
                     and the kiosk "${DEMO_KIOSK_ID}" with the demo secret from docs/sync-protocol.md
  --kiosk ID:SECRET  register (or re-key) a kiosk; may be given more than once
  --admin-token T    enable the /admin routes with this bearer token (default: a random one, printed)
  --silent-after S   the console flags a point with no heartbeat for S seconds (default 900)
  --tls-key F --tls-cert F   serve HTTPS with this PEM key and certificate (kiosks pin the issuing CA: county.caFile)
  --log-level L      what goes to stderr as JSON lines, personal data masked: ${GATEWAY_LOG_LEVELS.join(', ')} (default warn:
                     failures only; info: each request by method, path and status too)
${REPORT_USAGE}`;

async function main(): Promise<void> {
  if (process.argv[2] === 'report') process.exit(await runReportCommand(process.argv.slice(3)));
  const line = readCommandLine(
    parseArgs,
    {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      seed: { type: 'string' },
      kiosk: { type: 'string', multiple: true },
      'admin-token': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'silent-after': { type: 'string' },
      'log-level': { type: 'string' },
    },
    USAGE,
  );
  if (!line.run) return tellWhyNot(line, process.exit);
  const { values: args, port } = line;
  if (args.seed !== undefined && args.seed !== 'demo') {
    console.error(`--seed knows only "demo", got "${args.seed}"`);
    process.exit(2);
  }
  const adminToken = args['admin-token'] ?? crypto.randomBytes(18).toString('base64url');
  if ((args['tls-key'] === undefined) !== (args['tls-cert'] === undefined)) {
    console.error('--tls-key and --tls-cert go together');
    process.exit(2);
  }
  const tls = args['tls-key'] && args['tls-cert'] ? { key: fs.readFileSync(args['tls-key']), cert: fs.readFileSync(args['tls-cert']) } : undefined;
  const silentAfter = args['silent-after'] === undefined ? undefined : Number(args['silent-after']);
  if (silentAfter !== undefined && !(Number.isInteger(silentAfter) && silentAfter > 0)) {
    console.error(`--silent-after must be a whole number of seconds above 0, got "${args['silent-after']}"`);
    process.exit(2);
  }
  const logLevel = args['log-level'] ?? 'warn';
  if (!(GATEWAY_LOG_LEVELS as readonly string[]).includes(logLevel)) {
    console.error(`--log-level is one of ${GATEWAY_LOG_LEVELS.join(', ')}, got "${logLevel}"`);
    process.exit(2);
  }
  const server = await startCountyServer({
    dataDir: path.resolve(args['data-dir'] ?? 'county-data'),
    ...(args.database ? { database: args.database } : {}),
    port,
    adminToken,
    ...(tls ? { tls } : {}),
    ...(silentAfter === undefined ? {} : { console: { silentAfterSeconds: silentAfter } }),
    log: { level: logLevel as GatewayLogLevel },
  });
  if (args.seed === 'demo') {
    await seedDemo(server.query, { catalog: defaultCatalog() });
    await seedConsoleDemo(server.query);
  }
  for (const entry of args.kiosk ?? []) {
    const [id, secret] = [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)];
    if (!id || secret.length < 16) {
      console.error(`--kiosk wants ID:SECRET with a secret of at least 16 characters, got "${entry.slice(0, 20)}..."`);
      process.exit(2);
    }
    await registerKiosk(server.query, id, secret);
  }
  if (args.seed === 'demo') console.log(`demo kiosk: ${DEMO_KIOSK_ID} / ${DEMO_KIOSK_SECRET} (demo only)`);
  console.log(`admin token: ${adminToken}`);
  console.log(`county ready: ${server.url}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  console.error(`county failed to start: ${(error as Error).message}`);
  process.exit(1);
});
