import { HttpTransport, TransportError } from '../../src/main/sync/http-transport';
import { startAnsweringServer, type AnsweringServer } from '../support/answering-server';

/** The failure a promise ends with (null if it succeeded). */
const failureOf = (p: Promise<unknown>): Promise<unknown> => p.then(
  () => null,
  (error: unknown) => error,
);

describe('HttpTransport: what reaches the county and what comes back', () => {
  let server: AnsweringServer;
  const transports: HttpTransport[] = [];
  const transport = (options: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {}) => {
    const made = new HttpTransport({ timeoutMs: 2_000, ...options });
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

  it('an answer up to the limit is read whole; one byte more is answer_too_large, even arriving whole in one piece', async () => {
    server.answer((_heard, res) => res.writeHead(200).end(Buffer.alloc(1_000, 0x61)));
    const res = await transport({ maxResponseBytes: 1_000 }).send(new URL(server.url), 'GET', {}, undefined);
    expect(res.body).toHaveLength(1_000);
    const failure = await failureOf(transport({ maxResponseBytes: 999 }).send(new URL(server.url), 'GET', {}, undefined));
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ code: 'answer_too_large', name: 'TransportError', message: 'county transport: answer_too_large' });
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
});
