import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { categoriesForLevel, type CategoryCode } from '../../shared/catalog/categories';

/** Home: the four category tiles (five at the demonstration point). */
export function HomeScreen({ onOpenCategory }: { onOpenCategory: (code: CategoryCode) => void }) {
  const { t } = useTranslation();
  const { site } = useKiosk();
  return (
    <main className="home">
      <h1>{t('home.heading')}</h1>
      <ul className="tiles" aria-label={t('home.heading')}>
        {categoriesForLevel(site.level).map((c) => (
          <li key={c.code}>
            <button type="button" className={`tile tile--${c.code}`} data-category={c.code} onClick={() => onOpenCategory(c.code)}>
              <span className="tile__name">{t(`categories.${c.code}`)}</span>
              <span className="tile__hint">{t(`categoryHints.${c.code}`)}</span>
              <span className="tile__count">{t('home.itemsCount', { count: c.plannedItems })}</span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
