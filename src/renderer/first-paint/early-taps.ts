import { flushSync } from 'react-dom';

/**
 * Taps on the host's first screens before React runs (first-taps.ts records them), carried out once it does.
 *
 * The host writes the attract screen, and home in a `<template data-first-home>`, into the page
 * (first-screens.tsx renders them with the page's own components). They are painted with the page's first frame,
 * long before React is compiled; a person may touch them meanwhile. The recorder (a classic script in the page's
 * head, so it listens before anything is painted) shows home at once when the attract screen is touched, and keeps
 * each tap as where it landed. When boot renders the app, React's first commit replaces the host's markup with the
 * same markup, and each tap is clicked again at the same place, in order: the visit is where the person left it.
 */

/** Where a tap landed, as the child indexes from the page's root element down, and what it landed on. */
export interface EarlyTap {
  path: number[];
  tag: string;
  className: string;
}

/** What the recorder leaves on `window` for boot. */
export interface FirstScreensRecorder {
  readonly taps: readonly EarlyTap[];
  /** Resolves once the page's first frame after the parse is drawn (the first screens, when the host wrote them). */
  readonly painted: Promise<void>;
  /** No more taps are kept or handled: React has the screen. */
  stop(): void;
  /** Stops, and forgets the taps kept: the first screens gave way to something else (the waiting screen). */
  drop(): void;
}

declare global {
  interface Window {
    /** Set by first-taps.ts, the page's first script. */
    firstScreens?: FirstScreensRecorder;
  }
}

/** The element `path` leads to from `root`, if there is one. */
function elementAt(root: Element, path: readonly number[]): Element | null {
  let element: Element | null = root;
  for (const index of path) element = element?.children.item(index) ?? null;
  return element;
}

/**
 * Renders the app in place of the host's first screens (synchronously, so no frame shows neither), then carries out
 * the taps made on them. A tap whose place holds something else now (the screen changed in between: the point's
 * settings, another language) is not carried out: the person taps again rather than somewhere they did not mean.
 */
export function takeOverFirstScreens(root: Element, render: () => void): void {
  const recorder = window.firstScreens;
  recorder?.stop();
  flushSync(render);
  for (const tap of recorder?.taps ?? []) {
    const element = elementAt(root, tap.path);
    if (!element || element.tagName !== tap.tag || (element.getAttribute('class') ?? '') !== tap.className) continue;
    flushSync(() => element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window })));
  }
}
