import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host/server';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A core on the demo config in a temp data dir, with an in-memory log the test can read. */
export async function startTestCore(): Promise<{ core: KioskCore; logLines: () => string[]; dataDir: string }> {
  const { logger, lines } = createMemoryLogger();
  const dataDir = tempDir('kiosk-data-');
  const core = await createKioskCore({ config: demoSiteConfig(), dataDir, simulate: true, log: logger, appVersion: '0.0.0-test' });
  return { core, logLines: lines, dataDir };
}

/** The browser host over a minimal renderer folder (the real one is tested end to end by Playwright). */
export async function startTestHost(core: KioskCore): Promise<BrowserHost> {
  const renderer = tempDir('kiosk-renderer-');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  return startBrowserHost({ core, rendererDir: renderer });
}

/** Opens the API socket; resolves with the socket or rejects with the HTTP status of a refused upgrade. */
export function openSocket(url: string, origin: string | undefined, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, ...(origin === undefined ? {} : { origin }) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Sends one raw text message and waits for the reply with the given id (or the first reply when id is null). */
export function rawCall(ws: WebSocket, text: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('event' in message) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(text);
  });
}

/** The API socket as a non-browser client holds it: the launch token (from the launch file) as a bearer header. */
export function openBearerSocket(host: BrowserHost): Promise<WebSocket> {
  return openSocket(`ws://127.0.0.1:${host.port}/api`, undefined, { authorization: `Bearer ${host.token}` });
}

/** Opens a launch link the way a browser does and returns the session cookie it was swapped for (or the status). */
export async function openLaunchLink(url: string): Promise<{ status: number; cookie: string | null; location: string | null }> {
  const res = await fetch(url, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, cookie: setCookie ? setCookie.split(';')[0]! : null, location: res.headers.get('location') };
}
