import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { WebSocketCarrier, type WebSocketLike } from './ws-carrier';

/** A socket the test opens, refuses or answers by hand; `sent` holds what the carrier wrote on it. */
class FakeSocket implements WebSocketLike {
  onopen: ((event: never) => void) | null = null;
  onmessage: ((event: never) => void) | null = null;
  onclose: ((event: never) => void) | null = null;
  onerror: ((event: never) => void) | null = null;
  readonly sent: Array<{ id: number; method: string }> = [];
  send(text: string): void {
    this.sent.push(JSON.parse(text) as { id: number; method: string });
  }
  close(): void {
    this.onclose?.({} as never);
  }
  open(): void {
    this.onopen?.({} as never);
  }
  refuse(): void {
    this.onerror?.({} as never);
    this.onclose?.({} as never);
  }
  answer(id: number, result: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ id, result }) } as never);
  }
}

describe('the screen carrier (WebSocketCarrier, reconnecting)', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('sends a call made before the core took the socket once a later try opens it, and answers it', async () => {
    jest.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const carrier = new WebSocketCarrier('ws://kiosk/api', { open: () => sockets[sockets.push(new FakeSocket()) - 1]! });
    const answer = carrier.call('site.info', {});
    // The core is still starting: two tries refused, with the carrier's own backoff between them.
    sockets[0]!.refuse();
    await jest.advanceTimersByTimeAsync(250);
    sockets[1]!.refuse();
    await jest.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(3);
    sockets[2]!.open();
    await jest.advanceTimersByTimeAsync(0);
    expect(sockets[2]!.sent).toEqual([{ id: 1, method: 'site.info', params: {} }]);
    sockets[2]!.answer(1, { name: 'point' });
    await expect(answer).resolves.toEqual({ result: { name: 'point' } });
    carrier.close();
  });

  it('fails a call that was waiting when an open socket closes, and sends a new one on the next socket', async () => {
    jest.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const carrier = new WebSocketCarrier('ws://kiosk/api', { open: () => sockets[sockets.push(new FakeSocket()) - 1]! });
    sockets[0]!.open();
    const first = carrier.call('site.info', {});
    await jest.advanceTimersByTimeAsync(0);
    sockets[0]!.close();
    await expect(first).resolves.toEqual({ error: expect.objectContaining({ code: 'unauthenticated', retryable: true }) });
    const second = carrier.call('site.info', {});
    await jest.advanceTimersByTimeAsync(250);
    sockets[1]!.refuse();
    await jest.advanceTimersByTimeAsync(500);
    sockets[2]!.open();
    await jest.advanceTimersByTimeAsync(0);
    expect(sockets[2]!.sent.map((m) => m.method)).toEqual(['site.info']);
    sockets[2]!.answer(sockets[2]!.sent[0]!.id, { ok: true });
    await expect(second).resolves.toEqual({ result: { ok: true } });
    carrier.close();
  });
});
