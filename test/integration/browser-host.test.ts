import type WebSocket from 'ws';
import type { KioskCore } from '../../src/main/core';
import type { BrowserHost } from '../../src/main/browser-host/server';
import { openSocket, rawCall, startTestCore, startTestHost } from '../support/core-harness';

describe('browser host carrier', () => {
  let core: KioskCore;
  let host: BrowserHost;
  let logLines: () => string[];
  let ws: WebSocket;
  const apiUrl = () => `ws://127.0.0.1:${host.port}/api?token=${host.token}`;

  beforeAll(async () => {
    ({ core, logLines } = await startTestCore());
    host = await startTestHost(core);
    ws = await openSocket(apiUrl(), host.origin);
  });
  afterAll(async () => {
    ws.close();
    await host.close();
    await core.close();
  });

  it('answers a valid call with its result', async () => {
    const reply = await rawCall(ws, JSON.stringify({ id: 1, method: 'site.info', params: {} }));
    expect(reply.id).toBe(1);
    expect(reply.result).toMatchObject({ level: 'village', name: { 'zh-CN': '示例村就业社保服务点' } });
  });

  it('refuses an unknown method with unknown_method', async () => {
    const reply = await rawCall(ws, JSON.stringify({ id: 2, method: 'catalog.nope', params: {} }));
    expect(reply).toEqual({
      id: 2,
      error: { code: 'unknown_method', messageKey: 'errors:unknown_method', retryable: false, details: { method: 'catalog.nope' } },
    });
  });

  it('refuses wrong params with invalid_params naming the field', async () => {
    const reply = await rawCall(ws, JSON.stringify({ id: 3, method: 'system.ping', params: { extra: 1 } }));
    const error = reply.error as { code: string; details: { issues: Array<{ path: string; message: string }> } };
    expect(error.code).toBe('invalid_params');
    expect(error.details.issues[0]!.message).toMatch(/extra/);
  });

  it('refuses a method the caller role may not call with forbidden', async () => {
    const reply = await rawCall(ws, JSON.stringify({ id: 4, method: 'system.info', params: {} }));
    expect(reply.error).toEqual({
      code: 'forbidden',
      messageKey: 'errors:forbidden',
      retryable: false,
      details: { method: 'system.info', needs: ['technician'] },
    });
  });

  it('answers garbage with invalid_request and keeps serving', async () => {
    expect(await rawCall(ws, 'not json')).toMatchObject({ id: null, error: { code: 'invalid_request', details: { reason: 'notJson' } } });
    expect(await rawCall(ws, JSON.stringify({ id: 5 }))).toMatchObject({ id: 5, error: { code: 'invalid_request', details: { reason: 'notARequest' } } });
    expect(await rawCall(ws, JSON.stringify([1, 2]))).toMatchObject({ id: null, error: { code: 'invalid_request' } });
    const ok = await rawCall(ws, JSON.stringify({ id: 6, method: 'system.ping' }));
    expect(ok).toMatchObject({ id: 6, result: { uptimeSeconds: expect.any(Number) } });
  });

  it('refuses a socket without the token (401) and logs it', async () => {
    await expect(openSocket(`ws://127.0.0.1:${host.port}/api`, host.origin)).rejects.toThrow('HTTP 401');
    await expect(openSocket(`ws://127.0.0.1:${host.port}/api?token=wrong`, host.origin)).rejects.toThrow('HTTP 401');
    expect(logLines().some((l) => l.includes('websocket refused') && l.includes('"status":401'))).toBe(true);
  });

  it('refuses a socket from another origin or none (403) and logs it', async () => {
    await expect(openSocket(apiUrl(), 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(openSocket(apiUrl(), undefined)).rejects.toThrow('HTTP 403');
    expect(logLines().some((l) => l.includes('websocket refused') && l.includes('"status":403'))).toBe(true);
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('pushes core events to the socket', async () => {
    const got = new Promise<unknown>((resolve) => {
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString()) as { event?: string };
        if (m.event === 'help.requested') resolve(m);
      });
    });
    core.events.emit('help.requested', { at: '2026-11-29T10:00:00.000Z', screen: 'home' });
    expect(await got).toEqual({ event: 'help.requested', data: { at: '2026-11-29T10:00:00.000Z', screen: 'home' } });
  });
});
