// Jest setup for every test file: jsdom lacks the text codecs a browser has (the pinyin table's loader and the core's
// clients use them), so Node's are lent where they are missing. Renderer tests then import nothing from Node.
import { TextDecoder, TextEncoder } from 'node:util';

if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder });
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder });

// jsdom has no idle callbacks; a page is idle here as soon as the current task is done.
if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'undefined') {
  Object.assign(window, {
    requestIdleCallback: (run: IdleRequestCallback) => window.setTimeout(() => run({ didTimeout: false, timeRemaining: () => 0 }), 0),
    cancelIdleCallback: (handle: number) => window.clearTimeout(handle),
  });
}
