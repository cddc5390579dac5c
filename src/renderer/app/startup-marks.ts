/**
 * Marks on the page's own clock that the start-up bench (bench/startup.bench.ts) reads to print where start-up time
 * goes. A host without User Timing (jsdom in the component tests) simply gets none.
 */
export function markStartup(name: 'boot:core-asked' | 'boot:modules-evaluated' | 'boot:site-info' | 'boot:i18n-ready' | 'boot:took-over' | 'catalog:loaded'): void {
  if (typeof performance.mark === 'function') performance.mark(name);
}
