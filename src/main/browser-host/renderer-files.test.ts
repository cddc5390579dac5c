import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serveRendererFiles } from './renderer-files';

// The folders @fastify/static lists while it answers (it checks a name's spelling against its folder's listing).
const listed: string[] = [];
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...actual,
    readdir: (...args: Parameters<typeof actual.readdir>) => {
      listed.push(String(args[0]));
      return actual.readdir(...args);
    },
  };
});

describe("the renderer's built files", () => {
  let dir: string;
  let app: FastifyInstance;
  let port: number;
  /** A raw GET: the path is sent as written (fetch would resolve `..` itself). */
  const get = (url: string) =>
    new Promise<{ statusCode: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: url }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ statusCode: res.statusCode!, body, headers: res.headers }));
        })
        .on('error', reject);
    });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-files-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>as built</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'main-a1b2.js'), 'console.log("entry")');
    fs.writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    app = Fastify();
    // The page's own routes, as the host registers them before the files: they stay the page's.
    app.get('/', async () => 'the page');
    app.get('/index.html', async () => 'the page');
    await serveRendererFiles(app, dir);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
    listed.length = 0;
  });
  afterEach(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a file the build held at start without listing a folder', async () => {
    const res = await get('/assets/main-a1b2.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log("entry")');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(listed).toEqual([]);
  });

  it('answers a file a rebuild added while the host runs (the catch-all route, its spelling checked)', async () => {
    fs.writeFileSync(path.join(dir, 'assets', 'main-c3d4.js'), 'console.log("rebuilt")');
    const res = await get('/assets/main-c3d4.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log("rebuilt")');
    expect(listed.length).toBeGreaterThan(0);
  });

  it('leaves the page and / to the page route', async () => {
    expect((await get('/')).body).toBe('the page');
    expect((await get('/index.html')).body).toBe('the page');
  });

  it('refuses dotfiles, paths out of the folder and missing files', async () => {
    expect((await get('/.env')).statusCode).not.toBe(200);
    expect((await get('/assets/../../etc/passwd')).statusCode).not.toBe(200);
    expect((await get('/assets/%2e%2e/%2e%2e/etc/passwd')).statusCode).not.toBe(200);
    expect((await get('/assets/none.js')).statusCode).toBe(404);
  });

  it('answers a file removed since start as missing, not from a memory of it', async () => {
    fs.rmSync(path.join(dir, 'assets', 'main-a1b2.js'));
    expect((await get('/assets/main-a1b2.js')).statusCode).toBe(404);
  });
});
