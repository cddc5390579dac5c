import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryCode } from '../../shared/catalog/categories';
import { KioskContext, type KioskContextValue } from './kiosk-context';
import { Shell } from './Shell';
import { AttractScreen } from '../screens/AttractScreen';
import { HomeScreen } from '../screens/HomeScreen';

type Route = { name: 'attract' } | { name: 'home' };

export function App({ kiosk, onConnectionChange }: { kiosk: KioskContextValue; onConnectionChange: (l: (c: boolean) => void) => () => void }) {
  const { i18n } = useTranslation();
  const [route, setRoute] = useState<Route>({ name: 'attract' });
  const [elderMode, setElderMode] = useState(false);
  const [connected, setConnected] = useState(true);

  useEffect(() => onConnectionChange(setConnected), [onConnectionChange]);
  useEffect(() => {
    document.documentElement.classList.toggle('elder', elderMode);
  }, [elderMode]);

  const goHome = () => setRoute({ name: 'home' });
  const backToAttract = () => {
    setElderMode(false);
    void i18n.changeLanguage(kiosk.site.defaultLanguage);
    setRoute({ name: 'attract' });
  };

  let screen;
  switch (route.name) {
    case 'attract':
      return (
        <KioskContext.Provider value={kiosk}>
          <AttractScreen onStart={goHome} />
        </KioskContext.Provider>
      );
    case 'home':
      screen = <HomeScreen onOpenCategory={(_code: CategoryCode) => undefined} />;
      break;
  }
  return (
    <KioskContext.Provider value={kiosk}>
      <Shell
        onBack={route.name === 'home' ? backToAttract : goHome}
        onHome={goHome}
        onHelp={() => undefined}
        elderMode={elderMode}
        onToggleElderMode={() => setElderMode((v) => !v)}
        simulated={kiosk.site.simulated}
        connected={connected}
      >
        {screen}
      </Shell>
    </KioskContext.Provider>
  );
}
