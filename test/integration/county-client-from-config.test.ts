import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { configPublicKeyPem } from '../../src/county/config-signing';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { CountyError, type CountyClient } from '../../src/main/sync/county-client';
import { countyClientFromConfig, countySecret } from '../../src/main/sync/county-client-from-config';
import type { CountyConfig, SiteConfig } from '../../src/shared/config/site-config';
import { failureOf, json, startAnsweringServer, type AnsweringServer } from '../support/answering-server';
import { TEST_KIOSK } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';
import { makeCertificate } from '../support/tls-certificate';

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const dir = tempDataDir('county-config-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file in the test's dir with the given content and mode. */
function file(name: string, content: string | Buffer, mode = 0o600): string {
  const at = path.join(dir, name);
  fs.writeFileSync(at, content);
  fs.chmodSync(at, mode);
  return at;
}

function withCounty(county: Partial<CountyConfig> & { url: string }): SiteConfig {
  return { ...demoSiteConfig(), county: { kioskId: TEST_KIOSK.id, development: true, syncIntervalSeconds: 30, ...county } };
}

/** Did the request the server heard carry a signature made with `secret`? */
function signedWith(server: AnsweringServer, secret: string): boolean {
  const heard = server.heard.at(-1)!;
  const bodySha256 = createHash('sha256').update(heard.body).digest('hex');
  const canonical = `${heard.method}\n${heard.url}\n${heard.headers['x-kiosk-timestamp']}\n${heard.headers['x-kiosk-nonce']}\n${bodySha256}`;
  return heard.headers['x-kiosk-signature'] === createHmac('sha256', secret).update(canonical).digest('base64');
}

/** The county's "nothing new" to a config pull. */
const notModified = (_heard: unknown, res: import('node:http').ServerResponse) => void res.writeHead(304).end();

describe("countyClientFromConfig: the site config's county block", () => {
  let server: AnsweringServer;
  const clients: CountyClient[] = [];
  const fromConfig = (config: SiteConfig, now?: () => Date) => {
    const made = countyClientFromConfig(config, now);
    if (made) clients.push(made);
    return made;
  };
  beforeEach(async () => {
    server = await startAnsweringServer();
    server.answer(notModified);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close?.();
    await server.close();
  });

  it('no county block, no client', () => {
    expect(countyClientFromConfig({ ...demoSiteConfig(), county: undefined })).toBeNull();
  });

  it("signs as the configured kiosk with the configured secret, at the county's URL, on the core's clock", async () => {
    const client = fromConfig(withCounty({ url: server.url, secret: TEST_KIOSK.secret }), () => new Date(T0))!;
    await client.pullConfig(4);
    expect(server.heard[0]).toMatchObject({ method: 'GET', url: '/v1/config?since=4' });
    expect(server.heard[0]!.headers).toMatchObject({ 'x-kiosk-id': TEST_KIOSK.id, 'x-kiosk-timestamp': String(T0) });
    expect(signedWith(server, TEST_KIOSK.secret)).toBe(true);
  });

  it("without the core's clock it signs on the system clock", async () => {
    const before = Date.now();
    await fromConfig(withCounty({ url: server.url, secret: TEST_KIOSK.secret }))!.pullConfig(0);
    const signedAt = Number(server.heard[0]!.headers['x-kiosk-timestamp']);
    expect(signedAt).toBeGreaterThanOrEqual(before);
    expect(signedAt).toBeLessThanOrEqual(Date.now());
  });

  it('reads the secret from its file, without the line end, when the file is the owner\'s alone', async () => {
    for (const mode of [0o600, 0o400]) {
      const secretFile = file(`secret-${mode.toString(8)}`, `${TEST_KIOSK.secret}\n`, mode);
      expect(countySecret({ url: server.url, kioskId: 'k', secretFile, development: true, syncIntervalSeconds: 30 })).toBe(TEST_KIOSK.secret);
      await fromConfig(withCounty({ url: server.url, secretFile }))!.pullConfig(0);
      expect(signedWith(server, TEST_KIOSK.secret)).toBe(true);
    }
  });

  it.each(['640', '604', '660', '602', '610'])('refuses a secret file of mode %s (others could sign as this kiosk)', (octal) => {
    const mode = parseInt(octal, 8);
    const secretFile = file(`open-${octal}`, TEST_KIOSK.secret, mode);
    expect(() => countyClientFromConfig(withCounty({ url: server.url, secretFile }))).toThrow(
      `county.secretFile ${secretFile} is readable by others (mode ${octal}): chmod 600 it`,
    );
  });

  it('the secret in the config wins over a file', async () => {
    const secretFile = file('other-secret', 'another-secret-0123456789abcdef');
    await fromConfig(withCounty({ url: server.url, secret: TEST_KIOSK.secret, secretFile }))!.pullConfig(0);
    expect(signedWith(server, TEST_KIOSK.secret)).toBe(true);
  });

  it("with the county's config key file, config parts must carry the county's signature", async () => {
    const keyDir = tempDataDir('county-key-');
    const configPublicKeyFile = file('config-signing.pub.pem', configPublicKeyPem(keyDir), 0o644);
    server.answer(json(200, { version: 2, staff: { version: 2, body: [] }, tickets: [] }));
    const checked = fromConfig(withCounty({ url: server.url, secret: TEST_KIOSK.secret, configPublicKeyFile }))!;
    expect(await failureOf(checked.pullConfig(0))).toEqual(expect.objectContaining({ name: 'CountyError', reason: 'bad_config_signature:staff' }));
    const unchecked = fromConfig(withCounty({ url: server.url, secret: TEST_KIOSK.secret }))!;
    expect(await unchecked.pullConfig(0)).toMatchObject({ version: 2 });
    fs.rmSync(keyDir, { recursive: true, force: true });
  });
});

describe("countyClientFromConfig: the county's CA file", () => {
  const own = makeCertificate(dir, 'county');
  let server: AnsweringServer;
  beforeAll(async () => {
    server = await startAnsweringServer(own);
    server.answer(notModified);
  });
  afterAll(() => server.close());

  it('pins TLS to the CA in the file: that county is reached, without the file it is not', async () => {
    const caFile = file('county-ca.pem', own.cert, 0o644);
    const pinned = countyClientFromConfig(withCounty({ url: server.url, secret: TEST_KIOSK.secret, caFile }))!;
    await pinned.pullConfig(0);
    expect(server.heard).toHaveLength(1);
    pinned.close?.();
    const unpinned = countyClientFromConfig(withCounty({ url: server.url, secret: TEST_KIOSK.secret }))!;
    const failure = await failureOf(unpinned.pullConfig(0));
    expect(failure).toBeInstanceOf(CountyError);
    expect((failure as CountyError).reason).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    unpinned.close?.();
  });
});
