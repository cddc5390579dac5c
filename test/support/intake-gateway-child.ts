import { startCountyServer } from '../../src/county/server';

/**
 * One county gateway process for the two-gateway intake test: serves the kiosk API over DATABASE (a postgres:// URL,
 * or a SQLite file) with no back-office timer, prints its URL as one line, and stops when its stdin closes.
 */
const [database, dataDir] = [process.argv[2]!, process.argv[3]!];

async function main(): Promise<void> {
  const county = await startCountyServer({ dataDir, database, backOfficeIntervalMs: 0 });
  process.stdout.write(`${county.url}\n`);
  process.stdin.resume();
  await new Promise<void>((resolve) => process.stdin.once('end', () => resolve()));
  await county.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
