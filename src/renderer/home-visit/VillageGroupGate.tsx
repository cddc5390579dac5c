import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useKioskError } from '../hooks/use-kiosk-error';
import './home-visit.css';

/**
 * On the home-visit laptop, after the clerk's login: which village group (村民小组) the resident lives in, chosen
 * before any item opens (the core refuses a home-visit submission without one). The choice stays for this login
 * and shows above the item screens with a way to change it for the next home.
 */
export function VillageGroupGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('home-visit');
  const { client, site } = useKiosk();
  const [chosen, setChosen] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(true);
  const { error, fail, clear } = useKioskError();

  const choose = (villageGroup: string) => {
    clear();
    client.invoke('homeVisit.chooseVillageGroup', { villageGroup }).then(
      (answer) => {
        setChosen(answer.villageGroup);
        setChoosing(false);
      },
      fail,
    );
  };

  if (choosing || !chosen) {
    return (
      <main className="village-groups" data-village-groups>
        <h1>{t('villageGroup.title')}</h1>
        <p>{t('villageGroup.why')}</p>
        {error ? <ErrorMessage error={error} /> : null}
        <div className="village-groups__list">
          {site.villageGroups.map((group) => (
            <button key={group} type="button" className="button village-groups__choice" aria-pressed={group === chosen} onClick={() => choose(group)} data-village-group={group}>
              {group}
            </button>
          ))}
        </div>
      </main>
    );
  }
  return (
    <>
      <div className="banner banner--row village-groups__current" role="status" data-village-group-current={chosen}>
        <span>{t('villageGroup.current', { group: chosen })}</span>
        <button type="button" className="button" onClick={() => setChoosing(true)} data-village-group-change>
          {t('villageGroup.change')}
        </button>
      </div>
      {children}
    </>
  );
}
