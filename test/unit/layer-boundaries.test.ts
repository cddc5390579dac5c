import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layer rules of docs/architecture.md are lint rules: each case below is a wrong import (or a Chinese literal in
 * a component) that `npm run lint` must refuse, and one right import it must accept.
 */
const ROOT = path.resolve(__dirname, '..', '..');

// ESLint loads its flat config with a dynamic import, which Jest's module sandbox cannot do: lint in a child process.
function lintAll(cases: Array<{ file: string; code: string }>): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: path.join(process.cwd(), c.file) });
        out.push(r.messages.map((m) => m.ruleId + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(cases), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

describe('layer boundaries', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['src/renderer/app/x.tsx', "import Database from 'better-sqlite3';\nexport const d = Database;\n", /renderer is browser code/],
    ['src/renderer/app/x.tsx', "import fs from 'node:fs';\nexport const f = fs;\n", /renderer is browser code/],
    ['src/renderer/app/x.tsx', "import { createKioskCore } from '../../main/core';\nexport const c = createKioskCore;\n", /renderer is browser code/],
    ['src/renderer/app/x.tsx', "export const X = () => <p>请选择</p>;\n", /src\/shared\/locales/],
    ['src/console/pages/x.tsx', "import { audit } from '../../county/console/audit';\nexport const a = audit;\n", /renderer is browser code/],
    ['src/console/pages/x.tsx', "export const X = () => <p>服务点</p>;\n", /src\/shared\/locales/],
    ['src/shared/domain/x.ts', "import { EventBus } from '../../main/event-bus';\nexport const e = EventBus;\n", /src\/shared runs anywhere/],
    ['src/shared/domain/x.ts', "import { SerialPort } from 'serialport';\nexport const s = SerialPort;\n", /src\/shared runs anywhere/],
    ['src/devices/core/x.ts', "import { createKioskCore } from '../../main/core';\nexport const c = createKioskCore;\n", /src\/devices imports only src\/shared/],
    ['src/main/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n", /only src\/main\/electron imports electron/],
    ['src/county/x.ts', "import { createKioskCore } from '../main/core';\nexport const c = createKioskCore;\n", /county reference server/],
  ];

  const allowed = {
    file: 'src/main/services/x.ts',
    code: "import { KioskError } from '../../shared/contract';\nimport type { ByteTransport } from '../../devices/core/transport';\nexport const e = KioskError;\nexport type T = ByteTransport;\n",
  };
  const results = lintAll([...cases.map(([file, code]) => ({ file, code })), allowed]);

  it.each(cases.map((c, i) => [...c, i] as const))('refuses in %s: %s', (_file, _code, expected, i) => {
    expect(results[i]!.some((m) => expected.test(m))).toBe(true);
  });

  it('accepts the allowed direction (main imports shared and devices)', () => {
    expect(results[cases.length]).toEqual([]);
  });
});
