import fs from 'node:fs';
import path from 'node:path';

/** One chunk in Vite's build manifest (dist/renderer/.vite/manifest.json), the fields read here. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * The files the kiosk page loads at start, named relative to the built renderer `dir`: what `html` (the page as
 * served) links (scripts and stylesheets; what it has written in counts as HTML; not the CJK font's stylesheet,
 * linked `disabled` and fetched only once the app has taken over, vite.deferred-fonts.mts),
 * the entry's imports, and what the entry
 * imports the moment the first frame is drawn (boot.tsx with every chunk it imports, the texts of the page's language:
 * src/renderer/main.tsx). Screens imported later, when a person opens them, and the other language are not counted.
 */
export function startupFiles(dir: string, html: string): { js: string[]; css: string[] } {
  const manifestFile = path.join(dir, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing (run npm run build)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const linked = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!.replace(/^\.\//, ''));
  const js = new Set(linked(/<script[^>]*\ssrc="([^"]+\.js)"/g));
  const css = new Set(linked(/<link(?![^>]*\sdisabled[\s>])[^>]*rel="stylesheet"[^>]*\shref="([^"]+\.css)"/g));
  const visited = new Set<string>();
  const add = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no ${key}: the page's start-up changed, update ${__filename}`);
    if (visited.has(key)) return;
    visited.add(key);
    js.add(chunk.file);
    // The entry's stylesheets are in the page already, linked or written in (vite.inline-first-frame.mts: then they
    // count in the HTML's bytes); boot's are fetched when boot is imported, written in or not.
    if (key !== 'index.html') chunk.css?.forEach((f) => css.add(f));
    chunk.imports?.forEach(add);
  };
  const language = pageLanguage(html);
  for (const key of ['index.html', 'boot.tsx', `../shared/locales/${language}/index.ts`]) add(key);
  return { js: [...js], css: [...css] };
}

/** The language the served page is in (its `<html lang>`, which the host sets to the point's default), zh-CN if none. */
export function pageLanguage(html: string): string {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'zh-CN';
}
