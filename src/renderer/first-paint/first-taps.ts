/**
 * The page's first script: a classic script in the head (vite.first-taps.mts; written into the page itself by
 * vite.inline-first-frame.mts), run before the body is parsed, so a tap on the host's first screens is never lost
 * while the page's modules load. It must import nothing from the modules at run time (type imports only, and
 * launch-link.ts, which only it imports): it is a plain script, not a module.
 *
 * It first takes the launch link's spent one-time code out of the address (launch-link.ts).
 *
 * A touch on the attract screen shows home at once (the host's `<template data-first-home>`); every tap on the first
 * screens is kept for boot to carry out once React runs (early-taps.ts). Once the first screens are painted, it
 * lets the page's modules load (`painted`): the compiling of ~550 kB of modules must not weigh on that first frame.
 * (The CJK font's faces wait longer, till the app has taken over: theme/deferred-fonts.ts.)
 */
import type { EarlyTap, FirstScreensRecorder } from './early-taps';
import { forgetLaunchCode } from './launch-link';

(() => {
  forgetLaunchCode(window.location, window.history);
  const taps: EarlyTap[] = [];
  let stopped = false;

  const pathFrom = (root: Element, target: Element): number[] => {
    const path: number[] = [];
    for (let element = target; element !== root && element.parentElement; element = element.parentElement) {
      path.unshift(Array.prototype.indexOf.call(element.parentElement.children, element) as number);
    }
    return path;
  };

  const onClick = (event: MouseEvent): void => {
    const root = document.getElementById('root');
    const target = event.target;
    if (stopped || !root || !(target instanceof Element) || target === root || !root.contains(target)) return;
    taps.push({ path: pathFrom(root, target), tag: target.tagName, className: target.getAttribute('class') ?? '' });
    const home = root.querySelector('template[data-first-home]');
    if (target.closest('.attract') && home instanceof HTMLTemplateElement) root.replaceChildren(home.content.cloneNode(true));
  };

  document.addEventListener('click', onClick, true);
  const stop = (): void => {
    stopped = true;
    document.removeEventListener('click', onClick, true);
  };
  // The page's first frame is painted after the parse (stylesheets in); a timer set in the frame's animation callback
  // runs once it has been drawn. Then the page's modules may load (main.tsx).
  // A page not shown draws no frame at all (a window still hidden, as Electron's is until it is ready to show, or
  // covered): it does not wait for one.
  const painted = new Promise<void>((resolve) => {
    const go = (): void => resolve();
    const goIfHidden = (): void => {
      if (document.visibilityState === 'hidden') go();
    };
    document.addEventListener('visibilitychange', goIfHidden);
    const afterFirstFrame = (): void => {
      goIfHidden();
      requestAnimationFrame(() => setTimeout(go, 0));
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterFirstFrame, { once: true });
    else afterFirstFrame();
  });
  const recorder: FirstScreensRecorder = {
    taps,
    painted,
    stop,
    drop: () => {
      stop();
      taps.length = 0;
    },
  };
  window.firstScreens = recorder;
})();
