import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';

/**
 * Packs the app offline with electron-builder --dir and a stand-in electronDist (the real Electron cannot be
 * downloaded here), then checks what a kiosk machine would get: the built main, preload and renderer inside the
 * asar, and the native modules unpacked beside it where Electron can load them. Needs `npm run build` first.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function findFiles(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => pattern.test(f));
}

/** Marks the fuse wire in an Electron binary (@electron/fuses). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

describe('electron-builder packaging (offline, --dir)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-pack-'));
  const electronDist = path.join(work, 'electron-dist');
  const output = path.join(work, 'release');
  let unpacked = '';
  let files: string[] = [];
  // The first screens' bundle comes from the renderer's SSR build; where this build has none, a stand-in is packed
  // (and removed afterwards) so the config's line for it is checked all the same.
  const firstScreens = path.join(ROOT, 'dist/first-screens/first-screens.cjs');
  const firstScreensStandIn = !fs.existsSync(firstScreens);

  beforeAll(() => {
    expect(fs.existsSync(path.join(ROOT, 'dist/main/electron/main.js'))).toBe(true); // npm run build ran
    fs.mkdirSync(electronDist);
    if (firstScreensStandIn) {
      fs.mkdirSync(path.dirname(firstScreens), { recursive: true });
      fs.writeFileSync(firstScreens, "exports.renderFirstScreens = () => '';\n");
    }
    // The stand-in carries Electron's fuse wire (sentinel, version 1, 8 fuses all on) so the fuses can be flipped.
    fs.writeFileSync(path.join(electronDist, 'electron'), `#!/bin/sh\nexit 1\n# ${FUSE_SENTINEL}\x01\x0811111111\n`, { mode: 0o755 });
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/electron-builder/cli.js'), '--dir', '--linux', '--x64', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
      { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
    );
    if (r.status !== 0) throw new Error(`electron-builder failed:\n${r.stdout}\n${r.stderr}`);
    unpacked = path.join(output, 'linux-unpacked');
    files = asar.listPackage(path.join(unpacked, 'resources/app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
  }, 300_000);

  it('flips the Electron fuses: no run-as-node, no NODE_OPTIONS or --inspect, app only from the asar', () => {
    const binary = fs.readFileSync(path.join(unpacked, 'village-kiosk'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    // runAsNode, cookieEncryption, nodeOptions, nodeCliInspect, asarIntegrity, onlyLoadAppFromAsar, v8Snapshot, fileProtocol
    expect(wire).toBe('01001100');
  });

  it('puts the built main, preload and renderer in the asar', () => {
    for (const f of ['/package.json', '/dist/main/electron/main.js', '/dist/main/electron/preload.js', '/dist/main/core.js', '/dist/renderer/index.html']) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    // Where page/first-screens-page.ts looks for it: dist/main/page/ -> ../../first-screens/ (inside the asar).
    expect(files).toContain('/dist/first-screens/first-screens.cjs');
    const pkg = JSON.parse(asar.extractFile(path.join(unpacked, 'resources/app.asar'), 'package.json').toString()) as { main: string };
    expect(pkg.main).toBe('dist/main/electron/main.js');
  });

  it('leaves out source maps, the county server and renderer-only packages', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('/dist/county/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('/node_modules/react/') || f.startsWith('/node_modules/@fontsource/'))).toEqual([]);
  });

  it('unpacks better-sqlite3, serialport and node-hid with their native binaries', () => {
    const nm = path.join(unpacked, 'resources/app.asar.unpacked/node_modules');
    expect(findFiles(path.join(nm, 'better-sqlite3'), /better_sqlite3\.node$/)).not.toEqual([]);
    expect(findFiles(path.join(nm, '@serialport/bindings-cpp'), /\.node$/)).not.toEqual([]);
    expect(findFiles(path.join(nm, 'node-hid'), /\.node$/)).not.toEqual([]);
  });

  afterAll(() => {
    if (firstScreensStandIn) {
      fs.rmSync(firstScreens, { force: true });
      // The folder too, only if nothing else has come into it meanwhile.
      if (fs.readdirSync(path.dirname(firstScreens)).length === 0) fs.rmdirSync(path.dirname(firstScreens));
    }
    fs.rmSync(work, { recursive: true, force: true });
  });
});
