import net from 'node:net';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { startUnseededCounty } from '../support/county-fixtures';

/**
 * A county gateway stopping (a restart, an upgrade) while a kiosk's request is still being answered: the answer goes
 * out, and the kiosk's keep-alive connection is closed right after it, so the stop does not wait out the keep-alive
 * timeout (72 s) with the kiosk's connection held open. And a closed gateway leaves no timer of its own running.
 */
describe('county gateway close', () => {
  it("closes a kiosk's connection whose request was still being answered when the gateway began to close", async () => {
    const county = await startUnseededCounty();
    const { port } = new URL(county.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    const serverEnded = new Promise<void>((resolve) => socket.once('end', resolve));
    // A keep-alive request whose body has only half arrived: the gateway is answering it when the close begins.
    const body = JSON.stringify({ idNumber: SAMPLE_RESIDENTS[0]!.idNumber });
    const request = new Promise((resolve) => county.app.server.once('request', resolve));
    socket.write(`POST /admin/v1/cards/block-state HTTP/1.1\r\nHost: county\r\nAuthorization: Bearer admin-test-token\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body.slice(0, 5));
    await request;
    const closed = county.close();
    // The rest of the body only once the server has stopped listening, so the answer ends after closing began.
    while (county.app.server.listening) await new Promise((resolve) => setImmediate(resolve));
    socket.write(body.slice(5));
    await closed;
    await serverEnded;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  });

  it('leaves no timer of its own running once closed (the idle-connection sweep stopped)', async () => {
    // Timers that hold the process open (the sweep does; the hand-over timer is unref'd and not counted here).
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const county = await startUnseededCounty({ backOfficeIntervalMs: 5_000 });
    await county.close();
    expect(timers()).toBe(before);
  });
});
