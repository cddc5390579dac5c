import fs from 'node:fs/promises';
import path from 'node:path';
import { SiteInfoSchema, type SiteInfo } from '../../shared/contract/methods/system';
import type { KioskCore } from '../core';
import type { Logger } from '../logging/logger';

/**
 * The first screens' bundle the renderer's SSR build emits (one self-contained CommonJS file), found from the compiled
 * location of this file: dist/main/page/ -> dist/first-screens/first-screens.cjs.
 */
export const DEFAULT_FIRST_SCREENS_BUNDLE = path.resolve(__dirname, '..', '..', 'first-screens', 'first-screens.cjs');

/** The exact element the page mounts on; the first screens' markup goes inside it. */
export const ROOT_ELEMENT = '<div id="root"></div>';

export interface FirstScreensPageOptions {
  /** Folder with the built renderer; its index.html is the page. */
  rendererDir: string;
  /** Absolute path of the first screens' bundle; default DEFAULT_FIRST_SCREENS_BUNDLE. */
  bundleFile?: string;
  /** The `site.info` answer the page itself will get (see coreSiteInfo). */
  siteInfo: () => Promise<unknown> | unknown;
  log: Logger;
}

export interface FirstScreensPage {
  /** index.html with the first screens rendered into its root element, or unchanged when they cannot be. */
  html(): Promise<string>;
  /** Loads the bundle and renders once, so the first request does not pay for the require. Never rejects. */
  warm(): Promise<void>;
}

/** What the bundle exports (the renderer side's SSR entry). */
interface FirstScreensBundle {
  renderFirstScreens(site: unknown): string;
}

/** One render of the first screens: the site info it was for, its markup, and the page's language for it. */
interface Rendered {
  key: string;
  markup: string;
  /** The point's default language when the contract allows it; null leaves the page's own `lang` as built. */
  language: SiteInfo['defaultLanguage'] | null;
}

/** Why the first screens were left out: each is logged once until they are served again. */
type Fallback = 'noRootElement' | 'bundleNotLoaded' | 'siteInfoFailed' | 'renderFailed';

/**
 * The kiosk page as the host serves it: index.html of the built renderer with the attract and home screens already
 * rendered (by the renderer's own SSR bundle) inside `<div id="root">`, so the screen paints before the ~550 kB of
 * scripts have compiled. The markup is kept per site info (re-rendered only when the answer changes: office hours or
 * the duty person can change at run time from the county); index.html is re-read when its file changes (an update
 * replaces it). Anything that goes wrong serves index.html as built: slower to paint, never broken.
 */
export function firstScreensPage(options: FirstScreensPageOptions): FirstScreensPage {
  const indexFile = path.join(options.rendererDir, 'index.html');
  const bundleFile = options.bundleFile ?? DEFAULT_FIRST_SCREENS_BUNDLE;
  const log = options.log.child({ part: 'first-screens' });
  let index: { mtimeMs: number; size: number; text: string } | null = null;
  let bundle: FirstScreensBundle | 'failed' | null = null;
  let rendered: Rendered | null = null;
  const warned = new Set<Fallback>();

  function fallBack(reason: Fallback, error?: unknown): null {
    if (!warned.has(reason)) {
      warned.add(reason);
      log.warn({ reason, bundleFile, ...(error ? { error: describe(error) } : {}) }, 'first screens not served: the page paints after its scripts');
    }
    return null;
  }

  async function readIndex(): Promise<string> {
    const stat = await fs.stat(indexFile);
    if (!index || index.mtimeMs !== stat.mtimeMs || index.size !== stat.size) {
      index = { mtimeMs: stat.mtimeMs, size: stat.size, text: await fs.readFile(indexFile, 'utf8') };
    }
    return index.text;
  }

  function loadBundle(): FirstScreensBundle | null {
    if (bundle === null) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const loaded = require(bundleFile) as Partial<FirstScreensBundle> | null;
        if (typeof loaded?.renderFirstScreens !== 'function') throw new Error('the bundle exports no renderFirstScreens function');
        bundle = loaded as FirstScreensBundle;
      } catch (error) {
        bundle = 'failed';
        return fallBack('bundleNotLoaded', error);
      }
    }
    return bundle === 'failed' ? null : bundle;
  }

  /** The markup (and page language) for the site info in force now, from the cache while that answer has not changed. */
  async function markup(): Promise<Rendered | null> {
    const render = loadBundle();
    if (!render) return null;
    let site: unknown;
    try {
      site = await options.siteInfo();
    } catch (error) {
      return fallBack('siteInfoFailed', error);
    }
    // From here to the cache no await: calls that overlap (the warm-up and the window's first request) render once.
    const key = JSON.stringify(site);
    if (rendered?.key === key) return rendered;
    try {
      const markup = render.renderFirstScreens(site);
      if (typeof markup !== 'string') throw new Error(`renderFirstScreens returned ${typeof markup}, not a string`);
      rendered = { key, markup, language: defaultLanguage(site) };
      return rendered;
    } catch (error) {
      // Not kept: the next request tries again (a bundle that failed once may not fail for the next site info).
      return fallBack('renderFailed', error);
    }
  }

  async function html(): Promise<string> {
    const page = await readIndex();
    if (!page.includes(ROOT_ELEMENT)) return fallBack('noRootElement') ?? page;
    const first = await markup();
    if (first === null) return page;
    // Served again: a later failure is worth a warning of its own.
    warned.clear();
    // A function, so `$&` or `$'` in the markup are not read as replacement patterns.
    const withScreens = page.replace(ROOT_ELEMENT, () => `<div id="root">${first.markup}</div>`);
    // The screens are in the point's language, so is the page (boot.tsx and the waiting screen read it too).
    return first.language === null ? withScreens : withLanguage(withScreens, first.language);
  }

  return {
    html,
    warm: async () => {
      try {
        await html();
      } catch (error) {
        log.warn({ error: describe(error) }, 'warming the first screens failed');
      }
    },
  };
}

/**
 * The `site.info` answer exactly as a screen gets it: through the core's dispatcher on a connection of its own
 * (public role only; dropped after the call, so it never counts as a screen).
 */
export function coreSiteInfo(core: Pick<KioskCore, 'dispatcher' | 'newConnection' | 'dropConnection'>): () => Promise<unknown> {
  return async () => {
    const connection = core.newConnection('internal');
    try {
      const outcome = await core.dispatcher.dispatch(connection, 'site.info', {});
      if ('error' in outcome) throw new Error(`site.info answered ${outcome.error.code}`);
      return outcome.result;
    } finally {
      core.dropConnection(connection);
    }
  };
}

/** The site info's default language, only as the contract allows it (the value goes into the page unescaped). */
function defaultLanguage(site: unknown): SiteInfo['defaultLanguage'] | null {
  const parsed = SiteInfoSchema.shape.defaultLanguage.safeParse((site as { defaultLanguage?: unknown } | null)?.defaultLanguage);
  return parsed.success ? parsed.data : null;
}

/**
 * The page with `lang` of its `<html>` element set to `language` (replaced, or added when the element has none), so
 * the first screens are announced and hyphenated in their own language before the scripts run. Boot sets the same
 * value again (setupI18n) once the texts are loaded. A page without an `<html>` tag is left as it is.
 */
function withLanguage(page: string, language: string): string {
  return page.replace(/<html\b[^>]*>/i, (tag) => {
    // The attribute `lang` with its value if it has one (not `xml:lang`, not `language=`).
    const lang = /\slang(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?(?=[\s/>])/i;
    return lang.test(tag) ? tag.replace(lang, () => ` lang="${language}"`) : tag.replace(/^<html/i, (open) => `${open} lang="${language}"`);
  });
}

function describe(error: unknown): string {
  // The first line only (a failed require adds its require stack) and short: a log line, not a dump.
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!.slice(0, 300);
}
