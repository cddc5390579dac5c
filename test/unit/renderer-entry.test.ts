import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { packagesOf, reachable } from '../support/module-graph';

/**
 * The kiosk page's entry (src/renderer/main.tsx) asks the core for the point's settings before the rest of the page
 * has loaded: it runs as soon as its own static imports are compiled. One static import that reaches zod, React or
 * the contract's schemas makes it wait for those too, and the question leaves as late as before (docs/architecture.md,
 * "Start-up"). The rest comes through `import('./boot')`.
 */
const SRC = path.resolve(__dirname, '../../src');

describe("the kiosk page's entry", () => {
  const graph = reachable(path.join(SRC, 'renderer/main.tsx'), { dynamic: false });
  const rel = (f: string) => path.relative(SRC, f);

  it('reaches the connection to the core and nothing of the screens (the walk itself works)', () => {
    expect(graph.has(path.join(SRC, 'shared/contract/ws-carrier.ts'))).toBe(true);
    expect(graph.has(path.join(SRC, 'renderer/boot.tsx'))).toBe(false);
    expect(reachable(path.join(SRC, 'renderer/main.tsx')).has(path.join(SRC, 'renderer/app/App.tsx'))).toBe(true);
  });

  it('imports no package for its values and no module of the contract that builds schemas', () => {
    const packages = [...graph.keys()].flatMap((f) => packagesOf(f).map((p) => `${rel(f)} imports ${p}`));
    expect(packages.filter((p) => !p.endsWith('.css'))).toEqual([]);
    expect([...graph.keys()].map(rel).filter((f) => /contract[\\/](errors|index|events|client)\.ts$/.test(f))).toEqual([]);
  });

  it("leaves the contract's tables and the county protocol out of the page's up-front modules (loaded when first needed)", () => {
    const upFront = reachable(path.join(SRC, 'renderer/boot.tsx'), { dynamic: false });
    expect(upFront.has(path.join(SRC, 'shared/contract/methods/system.ts'))).toBe(true); // site.info's schema, at hand
    const byWhom = (file: string) => (upFront.has(file) ? `imported by ${rel(upFront.get(file)!)}` : 'not reached');
    expect(byWhom(path.join(SRC, 'shared/contract/index.ts'))).toBe('not reached');
    expect(byWhom(path.join(SRC, 'shared/contract/events.ts'))).toBe('not reached');
    expect(byWhom(path.join(SRC, 'shared/sync/protocol.ts'))).toBe('not reached');
  });

  it("leaves the site configuration's schema and the clerk's report out of them (site.info names only the station)", () => {
    const upFront = reachable(path.join(SRC, 'renderer/boot.tsx'), { dynamic: false });
    const byWhom = (file: string) => (upFront.has(file) ? `imported by ${rel(upFront.get(file)!)}` : 'not reached');
    expect(byWhom(path.join(SRC, 'shared/config/station.ts'))).toBe('imported by shared/contract/methods/system.ts');
    expect(byWhom(path.join(SRC, 'shared/config/site-config.ts'))).toBe('not reached');
    expect(byWhom(path.join(SRC, 'renderer/report/ReportScreen.tsx'))).toBe('not reached');
    expect(byWhom(path.join(SRC, 'shared/report/monthly-figures.ts'))).toBe('not reached');
  });
});
