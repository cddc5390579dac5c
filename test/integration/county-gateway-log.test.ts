import type { BackOffice } from '../../src/county/back-office/port';
import type { GatewayLog } from '../../src/county/gateway-log';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { TEST_KIOSK, startUnseededCounty, type TestCounty } from '../support/county-fixtures';
import { batchItem } from '../support/county-items';

/**
 * The gateway's log (gateway-log.ts, wired in server.ts): a hand-over the back office refused is logged at error
 * level, at the level asked for and not below it, and never with personal data: no request body, no query, the ID
 * number in an error's message masked.
 */
const wang = SAMPLE_RESIDENTS[0]!;

/** A back office that refuses every delivery, naming the resident as a careless one would. */
const refusing: BackOffice = {
  name: 'refusing',
  receive: (item) => Promise.reject(new Error(`no record of ${item.payload.resident.idNumber}`)),
  advance: () => Promise.resolve(),
};

describe('the county gateway log', () => {
  const started: TestCounty[] = [];
  afterEach(async () => {
    for (const county of started.splice(0)) await county.close();
  });
  async function start(level: GatewayLog['level']): Promise<{ county: TestCounty; lines: () => Array<Record<string, unknown>>; text: () => string }> {
    const chunks: string[] = [];
    const county = await startUnseededCounty({ backOffice: refusing, log: { ...(level ? { level } : {}), destination: { write: (s: string) => void chunks.push(s) } } });
    started.push(county);
    const text = () => chunks.join('');
    return { county, text, lines: () => text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
  }
  async function handOverRefused(county: TestCounty): Promise<void> {
    const client = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
    try {
      expect((await client.sendBatch([batchItem(wang, 'JOB-08')])).results).toEqual([expect.objectContaining({ status: 'accepted' })]);
    } finally {
      client.close();
    }
    expect(await fetch(`${county.url}/no/such/route?idNumber=${wang.idNumber}`).then((r) => r.status)).toBe(404);
    await county.relay.tick();
    // Refused: the item is still waiting for the next hand-over.
    expect(await county.query.selectFrom('items').select('handed_at').execute()).toEqual([{ handed_at: null }]);
  }

  it('logs a refused hand-over with the ID number masked, and each request by method and path only', async () => {
    const { county, lines, text } = await start('info');
    await handOverRefused(county);
    const failure = lines().filter((l) => l.msg === 'back office hand-over failed');
    expect(failure).toEqual([expect.objectContaining({ level: 50, app: 'county-gateway', err: expect.objectContaining({ type: 'Error', message: `no record of ${wang.idNumber.slice(0, 4)}**********${wang.idNumber.slice(-4)}` }) })]);
    const requests = lines().filter((l) => l.msg === 'incoming request').map((l) => l.req);
    expect(requests).toEqual([
      { method: 'POST', path: '/v1/sync/batches' },
      { method: 'GET', path: '/no/such/route' },
    ]);
    expect(lines().filter((l) => l.msg === 'request completed').map((l) => (l.res as { statusCode: number }).statusCode)).toEqual([200, 404]);
    // Neither the batch's body (name, ID number, form) nor the query reached the log.
    expect(text()).not.toContain(wang.idNumber);
    expect(text()).not.toContain(wang.name);
    expect(text()).not.toContain('idNumber=');
    expect(text()).not.toContain('JOB-08');
  });

  it('logs failures only by default, and nothing when a test asks for silent', async () => {
    const quiet = await start(undefined);
    await handOverRefused(quiet.county);
    expect(quiet.lines().map((l) => [l.level, l.msg])).toEqual([[50, 'back office hand-over failed']]);
    const silent = await start('silent');
    await handOverRefused(silent.county);
    expect(silent.text()).toBe('');
  });
});
