// Jest setup for every test file: jsdom lacks the text codecs a browser has (the pinyin table's loader and the core's
// clients use them), so Node's are lent where they are missing. Renderer tests then import nothing from Node.
import { TextDecoder, TextEncoder } from 'node:util';

if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder });
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder });
