import net from 'node:net';
import { HttpTransport, TransportError } from '../../src/main/sync/http-transport';
import { failureOf, json, startAnsweringServer, type AnsweringServer } from '../support/answering-server';
import { tempDataDir } from '../support/store-fixtures';
import { makeCertificate } from '../support/tls-certificate';

describe('HttpTransport: what reaches the county and what comes back', () => {
  let server: AnsweringServer;
  const transports: HttpTransport[] = [];
  const transport = (options: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {}) => {
    const made = new HttpTransport({ timeoutMs: 20_000, ...options });
    transports.push(made);
    return made;
  };
  beforeEach(async () => {
    server = await startAnsweringServer();
  });
  afterEach(async () => {
    for (const t of transports.splice(0)) t.close();
    await server.close();
  });

  it('sends the method, path, headers and body bytes as given, with the body length', async () => {
    server.answer(json(201, { ok: true }, { 'x-attachment-received': '42' }));
    const body = Buffer.from('{"a":"体"}');
    const res = await transport().send(new URL(`${server.url}/v1/sync/batches?x=1`), 'POST', { 'x-kiosk-id': 'k-1', 'content-type': 'application/json' }, body);
    const [heard] = server.heard;
    expect(heard).toMatchObject({ method: 'POST', url: '/v1/sync/batches?x=1' });
    expect(heard!.headers).toMatchObject({ 'x-kiosk-id': 'k-1', 'content-type': 'application/json', 'content-length': String(body.length) });
    expect(heard!.headers['transfer-encoding']).toBeUndefined();
    expect(heard!.body.equals(body)).toBe(true);
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ ok: true });
    // Header names are matched whatever their case.
    expect(res.header('X-Attachment-Received')).toBe('42');
    expect(res.header('x-attachment-complete')).toBeUndefined();
  });

  it('a request without a body sends none', async () => {
    await transport().send(new URL(`${server.url}/v1/config?since=0`), 'GET', {}, undefined);
    expect(server.heard[0]!.headers['content-length']).toBeUndefined();
    expect(server.heard[0]!.body).toHaveLength(0);
  });

  it('a header the county sent twice reads as its first value', async () => {
    server.answer(json(200, {}, { 'set-cookie': ['first=1', 'second=2'] }));
    const res = await transport().send(new URL(server.url), 'GET', {}, undefined);
    expect(res.header('set-cookie')).toBe('first=1');
  });

  it('keeps the connection alive between requests, and close() lets it go', async () => {
    const t = transport();
    await t.send(new URL(`${server.url}/a`), 'GET', {}, undefined);
    await t.send(new URL(`${server.url}/b`), 'GET', {}, undefined);
    expect(server.heard[1]!.remotePort).toBe(server.heard[0]!.remotePort);
    t.close();
    await server.connectionsClosed();
  }, 5_000);

  it('an answer up to the limit is read whole; one byte more is answer_too_large, even arriving whole in one piece', async () => {
    server.answer((_heard, res) => res.writeHead(200).end(Buffer.alloc(1_000, 0x61)));
    const res = await transport({ maxResponseBytes: 1_000 }).send(new URL(server.url), 'GET', {}, undefined);
    expect(res.body).toHaveLength(1_000);
    const failure = await failureOf(transport({ maxResponseBytes: 999 }).send(new URL(server.url), 'GET', {}, undefined));
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ code: 'answer_too_large', name: 'TransportError', message: 'county transport: answer_too_large' });
  });

  it('without a limit given, an answer of a few MiB is read whole', async () => {
    server.answer((_heard, res) => res.writeHead(200).end(Buffer.alloc(3 * 1024 * 1024, 0x63)));
    expect((await transport().send(new URL(server.url), 'GET', {}, undefined)).body).toHaveLength(3 * 1024 * 1024);
  });

  it('leaves no timer behind once a request is answered (a command line using it exits at once)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const settled = () => new Promise((resolve) => setImmediate(resolve));
    const before = timers();
    const t = transport({ timeoutMs: 60_000 });
    await t.send(new URL(server.url), 'GET', {}, undefined);
    await settled();
    expect(timers()).toBe(before);
  });

  it('without a limit given, an answer over 32 MiB is cut off', async () => {
    const mib = Buffer.alloc(1024 * 1024, 0x62);
    server.answer((_heard, res) => {
      res.writeHead(200);
      let sent = 0;
      const more = (): void => {
        while (sent < 33) {
          sent += 1;
          if (!res.write(mib)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => undefined);
      more();
    });
    const failure = await failureOf(transport().send(new URL(server.url), 'GET', {}, undefined));
    expect(failure).toMatchObject({ code: 'answer_too_large' });
  });

  it('a connection cut mid-answer is aborted, never half a document', async () => {
    server.answer((_heard, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"results":[', () => res.socket?.destroy());
    });
    const failure = await failureOf(transport().send(new URL(server.url), 'GET', {}, undefined));
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as TransportError).code).toBe('aborted');
  });

  it('a county that never answers is a timeout', async () => {
    server.answer(() => undefined);
    const failure = await failureOf(transport({ timeoutMs: 150 }).send(new URL(server.url), 'GET', {}, undefined));
    expect(failure).toMatchObject({ code: 'timeout' });
  });

  it('the whole exchange must end in time: an answer trickling in byte by byte is a timeout too', async () => {
    let trickle: NodeJS.Timeout | undefined;
    server.answer((_heard, res) => {
      res.writeHead(200, { 'content-length': '60' });
      res.on('error', () => undefined);
      trickle = setInterval(() => res.write('x'), 20);
    });
    const failure = await failureOf(transport({ timeoutMs: 200 }).send(new URL(server.url), 'GET', {}, undefined));
    clearInterval(trickle);
    expect(failure).toMatchObject({ code: 'timeout' });
  });

  it('a refused connection is a TransportError with the system code', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await failureOf(transport().send(new URL(`http://127.0.0.1:${port}/`), 'GET', {}, undefined));
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('HttpTransport over TLS with a pinned CA', () => {
  const dir = tempDataDir('transport-tls-');
  const own = makeCertificate(dir, 'county');
  const other = makeCertificate(dir, 'someone-else');
  let server: AnsweringServer;
  beforeAll(async () => {
    server = await startAnsweringServer(own);
  });
  afterAll(() => server.close());

  it('trusts the county whose certificate comes from the pinned CA, and no other', async () => {
    const pinned = new HttpTransport({ timeoutMs: 2_000, ca: own.cert });
    expect((await pinned.send(new URL(`${server.url}/v1/config`), 'GET', {}, undefined)).status).toBe(200);
    pinned.close();
    for (const ca of [other.cert, undefined]) {
      const t = new HttpTransport({ timeoutMs: 2_000, ...(ca ? { ca } : {}) });
      const failure = await failureOf(t.send(new URL(server.url), 'GET', {}, undefined));
      expect(failure).toBeInstanceOf(TransportError);
      expect((failure as TransportError).code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
      t.close();
    }
    expect(server.heard).toHaveLength(1);
  });

  it('keeps the TLS connection alive between requests', async () => {
    const pinned = new HttpTransport({ timeoutMs: 20_000, ca: own.cert });
    await pinned.send(new URL(`${server.url}/a`), 'GET', {}, undefined);
    await pinned.send(new URL(`${server.url}/b`), 'GET', {}, undefined);
    const [a, b] = server.heard.slice(-2);
    expect(b!.remotePort).toBe(a!.remotePort);
    pinned.close();
  });
});
