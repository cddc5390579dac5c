import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskContext, type KioskContextValue } from './kiosk-context';
import { useLiveSite } from './live-site';
import { Visit, type VisitEnd } from './Visit';
import { wipeResidentTraces } from '../privacy/wipe';
import { CatalogProvider } from '../catalog/catalog-context';
import type { CatalogAtBoot } from '../catalog/catalog-at-boot';
import { LiveStatusProvider } from '../readiness/readiness-context';
import { DevPanel } from './lazy-screens';
import { StaffProvider } from '../staff/staff-context';
import { KioskScreens, StaffChrome, StaffCorner } from '../staff/StaffChrome';
import { TechnicianGate } from '../technician/TechnicianGate';

/**
 * The app is a sequence of visits. When a visit ends (finish, idle, card removed), everything the screen held
 * about the resident is dropped by remounting the visit under a new key, web storage is wiped, and the
 * attract screen returns in the point's default language.
 */
export function App({
  kiosk,
  onConnectionChange,
  catalog,
  startAtHome,
}: {
  kiosk: KioskContextValue;
  onConnectionChange: (l: (c: boolean) => void) => () => void;
  catalog?: CatalogAtBoot;
  /** The first visit opens on home (the host's render of the first screens draws home this way). */
  startAtHome?: boolean;
}) {
  const { i18n } = useTranslation();
  const [visitNumber, setVisitNumber] = useState(0);
  const [connected, setConnected] = useState(true);
  const [lastEnd, setLastEnd] = useState<VisitEnd | null>(null);
  const site = useLiveSite(kiosk.client, kiosk.site);
  const context = useMemo(() => ({ ...kiosk, site }), [kiosk, site]);

  useEffect(() => onConnectionChange(setConnected), [onConnectionChange]);

  const endVisit = useCallback(
    (end: VisitEnd) => {
      setLastEnd(end);
      setVisitNumber((n) => n + 1);
      void i18n.changeLanguage(kiosk.site.defaultLanguage);
      void wipeResidentTraces();
    },
    [i18n, kiosk.site.defaultLanguage],
  );

  // A clerk's login ending ends the visit too: whatever the screen held about the resident goes with it.
  const endStaff = useCallback(() => {
    kiosk.client.invoke('session.end', { reason: 'clerkEnded' }).catch(() => undefined);
    endVisit({ reason: 'clerkEnded', cardUsed: false });
  }, [kiosk.client, endVisit]);

  return (
    <KioskContext.Provider value={context}>
      <StaffProvider connected={connected} onEnd={endStaff}>
        <CatalogProvider asked={catalog}>
          <LiveStatusProvider>
            <StaffChrome />
            <TechnicianGate />
            <KioskScreens>
              <Visit key={visitNumber} startAtHome={startAtHome === true && visitNumber === 0} connected={connected} previousEnd={lastEnd} onEnd={endVisit} attractCorner={<StaffCorner />} />
            </KioskScreens>
            {/* The developer panel (simulated devices only) lives outside the visit: it is the tester's, not the resident's. */}
            {kiosk.site.simulated ? <DevPanel /> : null}
          </LiveStatusProvider>
        </CatalogProvider>
      </StaffProvider>
    </KioskContext.Provider>
  );
}
