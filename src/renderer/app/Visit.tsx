import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useKiosk } from './kiosk-context';
import { Shell } from './Shell';
import { routeId, type Route } from './routes';
import { AttractScreen } from '../screens/AttractScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { CategoryScreen } from '../screens/CategoryScreen';
import { FlowScreen, ItemScreen, MyRequestsScreen, SearchScreen, usePreloadLaterScreens } from './lazy-screens';
import type { CategoryCode } from '../../shared/catalog/categories';
import { IdleDialog } from '../idle/IdleDialog';
import { useIdleCountdown } from '../idle/use-idle-countdown';
import { useHelp } from '../help/use-help';
import { InstructionContext } from '../speech/instruction-context';
import { TakeCardReminder } from '../screens/TakeCardReminder';
import { useElderMode } from '../elder/use-elder-mode';
import { useHomeInStandby } from './home-in-standby';

export type VisitEndReason = 'finished' | 'idle' | 'cardRemoved' | 'clerkEnded';
export interface VisitEnd {
  reason: VisitEndReason;
  /** A card was read during the visit: remind the resident to take it. */
  cardUsed: boolean;
}

/**
 * One resident's visit, from "touch to start" to the end. All its state lives here and in the screens below,
 * so remounting it (App gives each visit a new key) drops every personal value the screen held.
 */
export function Visit({
  startAtHome,
  connected,
  previousEnd,
  onEnd,
  attractCorner,
}: {
  /** Open on home rather than the attract screen. */
  startAtHome?: boolean;
  connected: boolean;
  previousEnd: VisitEnd | null;
  onEnd: (end: VisitEnd) => void;
  /** Drawn over the attract screen only (the staff mode's hidden corner). */
  attractCorner?: ReactNode;
}) {
  const { client, site } = useKiosk();
  // The window PC has no attract screen: each visit starts at home.
  const [stack, setStack] = useState<Route[]>(startAtHome || site.station !== 'kiosk' ? [{ name: 'home' }] : []);
  const elder = useElderMode();
  // Kept in a ref: naming the instruction must not re-render the whole screen after every navigation.
  const instruction = useRef('');
  const setInstruction = useCallback((text: string) => {
    instruction.current = text;
  }, []);
  const identified = useRef(false);
  // The same fact as state, so the shell shows "finish" as soon as the resident is identified.
  const [showFinish, setShowFinish] = useState(false);
  const cardUsed = useRef(false);
  const ended = useRef(false);
  const route = stack.length > 0 ? stack[stack.length - 1]! : null;
  const screenId = routeId(route);
  const help = useHelp(screenId);
  const standby = useHomeInStandby(route === null);
  // Behind the attract screen, home waits in standby once the page is idle: the touch then only shows it.
  const shown: Route | null = route ?? (standby ? { name: 'home' } : null);

  const end = useCallback(
    (reason: VisitEndReason) => {
      if (ended.current) return;
      ended.current = true;
      // The core forgets the resident too; if it already has (its own idle expiry), this is a no-op there.
      client.invoke('session.end', { reason }).catch(() => undefined);
      onEnd({ reason, cardUsed: cardUsed.current });
    },
    [client, onEnd],
  );

  const lastTouch = useRef(0);
  const touchSession = useCallback(() => {
    // The core runs its own idle clock for an identified session; keep it in step, at most every few seconds.
    if (!identified.current || Date.now() - lastTouch.current < 3000) return;
    lastTouch.current = Date.now();
    client.invoke('session.touch', { elderMode: elder.on }).catch(() => undefined);
  }, [client, elder.on]);

  const idle = useIdleCountdown({
    enabled: route !== null,
    timeoutSeconds: site.idleTimeoutSeconds * elder.idleFactor,
    countdownSeconds: site.idleCountdownSeconds * elder.idleFactor,
    onActivity: touchSession,
    onExpire: () => end('idle'),
  });
  const { warn } = idle;

  useEffect(() => {
    const offChanged = client.on('session.changed', (data) => {
      if (data.state === 'identified') {
        identified.current = true;
        setShowFinish(true);
      }
      if (data.state === 'none' && identified.current) {
        const reason = data.reason;
        if (reason === 'idle' || reason === 'cardRemoved' || reason === 'clerkEnded') end(reason);
      }
    });
    const offExpiring = client.on('session.expiring', (data) => warn(data.secondsLeft));
    const offCard = client.on('card.inserted', () => (cardUsed.current = true));
    return () => {
      offChanged();
      offExpiring();
      offCard();
    };
  }, [client, end, warn]);

  const go = useCallback((next: Route) => setStack((s) => [...s, next]), []);
  const openCategory = useCallback((category: CategoryCode) => go({ name: 'category', category }), [go]);
  const openSearch = useCallback(() => go({ name: 'search' }), [go]);
  const openMyRequests = useCallback(() => go({ name: 'requests' }), [go]);
  // The later screens' chunks are fetched once a visit has begun (home is up) and the page is idle.
  usePreloadLaterScreens(route !== null);
  const back = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const home = useCallback(() => setStack([{ name: 'home' }]), []);
  // A new person starts here: whatever resident the core still holds (a page reload, a visit that was never
  // finished) belongs to someone else and must not carry over into this visit.
  const startVisit = useCallback(() => {
    client.invoke('session.end', { reason: 'finished' }).catch(() => undefined);
    home();
  }, [client, home]);

  let screen;
  switch (shown?.name) {
    case 'home':
      screen = <HomeScreen onOpenCategory={openCategory} onSearch={openSearch} onMyRequests={openMyRequests} />;
      break;
    case 'category':
      screen = <CategoryScreen category={shown.category} onOpenItem={(itemCode) => go({ name: 'item', itemCode })} />;
      break;
    case 'search':
      screen = <SearchScreen onOpenItem={(itemCode) => go({ name: 'item', itemCode })} />;
      break;
    case 'item':
      screen = <ItemScreen itemCode={shown.itemCode} onStart={() => go({ name: 'flow', itemCode: shown.itemCode })} />;
      break;
    case 'requests':
      screen = (
        <MyRequestsScreen
          onIdentified={() => {
            identified.current = true;
            setShowFinish(true);
          }}
        />
      );
      break;
    case 'flow':
      screen = (
        <FlowScreen
          key={shown.itemCode}
          itemCode={shown.itemCode}
          onIdentified={(viaCard) => {
            identified.current = true;
            setShowFinish(true);
            if (viaCard) cardUsed.current = true;
          }}
          onFinish={() => end('finished')}
        />
      );
      break;
  }

  // One tree whether the attract screen is up or not, so the touch keeps home's elements (and its layout) as they are.
  return (
    <InstructionContext.Provider value={setInstruction}>
      {route === null ? (
        <>
          <AttractScreen onStart={startVisit} />
          {attractCorner}
          {previousEnd?.cardUsed ? <TakeCardReminder /> : null}
        </>
      ) : null}
      {screen ? (
        <Shell
          standby={route === null}
          screenId={screenId}
          onBack={stack.length > 1 ? back : () => end('finished')}
          onHome={home}
          onFinish={showFinish ? () => end('finished') : undefined}
          help={help}
          instruction={() => instruction.current}
          elder={elder}
          simulated={site.simulated}
          connected={connected}
        >
          {screen}
        </Shell>
      ) : null}
      {idle.state.phase === 'warning' ? (
        <IdleDialog secondsLeft={idle.state.secondsLeft} onContinue={idle.extend} onFinish={() => end('finished')} />
      ) : null}
    </InstructionContext.Provider>
  );
}
