import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { categoriesForLevel, type CategoryCode } from '../../shared/catalog/categories';
import { useCatalog } from '../catalog/catalog-context';
import { useInstruction } from '../speech/instruction-context';

/**
 * Home: the four category tiles (five at the demonstration point) and the search. Memoised: the touch that shows it
 * from standby behind the attract screen (app/home-in-standby.ts) changes only the frame around it.
 */
export const HomeScreen = memo(function HomeScreen({ onOpenCategory, onSearch, onMyRequests }: { onOpenCategory: (code: CategoryCode) => void; onSearch: () => void; onMyRequests?: () => void }) {
  const { t } = useTranslation();
  const { site } = useKiosk();
  const catalog = useCatalog();
  useInstruction(t('screens:home.instruction'));
  return (
    <main className="home">
      <div className="home__top">
        <h1>{t('home.heading')}</h1>
        <button type="button" className="button button--primary" onClick={onSearch}>
          {t('screens:search.open')}
        </button>
        {onMyRequests ? (
          <button type="button" className="button" onClick={onMyRequests} data-my-requests>
            {t('requests:open')}
          </button>
        ) : null}
      </div>
      <ul className="tiles" aria-label={t('home.heading')}>
        {categoriesForLevel(site.level).map((c) => {
          const count = catalog.status === 'ready' ? catalog.items.filter((i) => i.category === c.code).length : c.plannedItems;
          return (
            <li key={c.code}>
              <button type="button" className={`tile tile--${c.code}`} data-category={c.code} onClick={() => onOpenCategory(c.code)}>
                <span className="tile__name">{t(`categories.${c.code}`)}</span>
                <span className="tile__hint">{t(`categoryHints.${c.code}`)}</span>
                <span className="tile__count">{t('home.itemsCount', { count })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
});
