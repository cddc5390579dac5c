import { Suspense, lazy, useEffect, useState, type ComponentType, type ReactElement } from 'react';

/**
 * Screens the first paint does not need, each in its own chunk so start-up parses only the attract and home
 * screens (bench/startup.bench.ts prints where start-up goes). `usePreloadLaterScreens` fetches them all once a
 * visit has begun (home, the screen that leads to them, is shown) and the page is idle: so a later tap rarely waits,
 * and their parsing (the on-screen keyboard's chunk alone is over 300 kB) never competes with the touch from attract
 * to home.
 * A screen whose chunk is in already renders without suspending.
 */
type Loader<P> = () => Promise<ComponentType<P>>;

interface LazyScreen<P> {
  (props: P): ReactElement;
  preload(): Promise<unknown>;
}

export function lazyScreen<P extends object>(load: Loader<P>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // a chunk that failed to arrive is asked for again next time
        throw error;
      },
    ));
  const Lazy = lazy(() => fetchOnce().then((component) => ({ default: component })));
  const Screen = (props: P) => {
    // Chosen once per mount: were the choice remade on each render, the chunk arriving while the screen is up would
    // swap the element type under it on the next re-render, remount it and lose what the person had done there.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded {...props} /> : <Suspense fallback={null}><Lazy {...props} /></Suspense>;
  };
  Screen.preload = fetchOnce;
  return Screen;
}

export const FlowScreen = lazyScreen(() => import('../flow/FlowScreen').then((m) => m.FlowScreen));
export const SearchScreen = lazyScreen(() => import('../screens/SearchScreen').then((m) => m.SearchScreen));
export const ItemScreen = lazyScreen(() => import('../screens/ItemScreen').then((m) => m.ItemScreen));
export const MyRequestsScreen = lazyScreen(() => import('../requests/MyRequestsScreen').then((m) => m.MyRequestsScreen));
export const TechnicianWorkspace = lazyScreen(() => import('../technician/TechnicianWorkspace').then((m) => m.TechnicianWorkspace));
export const StaffWorkspace = lazyScreen(() => import('../staff/Workspace').then((m) => m.Workspace));
export const StaffLogin = lazyScreen(() => import('../staff/StaffLogin').then((m) => m.StaffLogin));
export const DevPanel = lazyScreen(() => import('../dev-panel/DevPanel').then((m) => m.DevPanel));
export const ReportScreen = lazyScreen(() => import('../report/ReportScreen').then((m) => m.ReportScreen));

const LATER: { preload(): Promise<unknown> }[] = [FlowScreen, SearchScreen, ItemScreen, MyRequestsScreen, StaffLogin, StaffWorkspace, TechnicianWorkspace, DevPanel, ReportScreen];

let preloading = false;

/** Fetches every later screen's chunk, one after another, the first time the page is idle once `enabled`. */
export function usePreloadLaterScreens(enabled: boolean): void {
  useEffect(() => {
    if (preloading || !enabled) return;
    const idle = requestIdleCallback(
      () => {
        preloading = true;
        void LATER.reduce<Promise<unknown>>((before, screen) => before.then(() => screen.preload()).catch(() => undefined), Promise.resolve());
      },
      { timeout: 3000 },
    );
    return () => cancelIdleCallback(idle);
  }, [enabled]);
}
