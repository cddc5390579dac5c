import fs from 'node:fs';
import path from 'node:path';

/** A source module's imports, resolved to files, for tests that check what a page's bundle can reach. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // a package
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

const staticSpecifiers = (code: string) => [...code.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)].map((m) => m[1]!);

/** The packages `file` imports for their values (type-only imports vanish from the bundle), static imports only. */
export function packagesOf(file: string): string[] {
  return staticSpecifiers(fs.readFileSync(file, 'utf8')).filter((s) => !s.startsWith('.'));
}

/** The modules `file` imports for their values: static ones, and dynamic `import()`s unless `dynamic` is false. */
export function importsOf(file: string, { dynamic = true } = {}): string[] {
  const code = fs.readFileSync(file, 'utf8');
  const specifiers = [...staticSpecifiers(code), ...(dynamic ? [...code.matchAll(/\bimport\('([^']+)'\)/g)].map((m) => m[1]!) : [])];
  return specifiers.map((s) => resolve(file, s)).filter((f): f is string => f !== null);
}

/** Every module reachable from `entry`, each with the module that first brought it in. */
export function reachable(entry: string, options: { dynamic?: boolean } = {}): Map<string, string> {
  const seen = new Map<string, string>([[entry, '(entry)']]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file.endsWith('.json') || file.endsWith('.css')) continue;
    for (const next of importsOf(file, options)) {
      if (seen.has(next)) continue;
      seen.set(next, file);
      queue.push(next);
    }
  }
  return seen;
}
