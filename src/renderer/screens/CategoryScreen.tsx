import { useTranslation } from 'react-i18next';
import type { CategoryCode } from '../../shared/catalog/categories';
import { useCatalog } from '../catalog/catalog-context';
import { useInstruction } from '../speech/instruction-context';
import { ItemTile } from './ItemTile';

/** The items of one category, each with its readiness. */
export function CategoryScreen({ category, onOpenItem }: { category: CategoryCode; onOpenItem: (code: string) => void }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  useInstruction(t('screens:category.instruction', { category: t(`categories.${category}`) }));
  const items = catalog.items.filter((i) => i.category === category);
  return (
    <main className="list-screen">
      <h1>{t(`categories.${category}`)}</h1>
      {catalog.status === 'failed' ? <p role="alert">{t('screens:catalog.failed')}</p> : null}
      {catalog.status === 'loading' ? <p>{t('screens:catalog.loading')}</p> : null}
      <ul className="item-list" aria-label={t(`categories.${category}`)}>
        {items.map((item) => (
          <ItemTile key={item.code} item={item} onOpen={onOpenItem} />
        ))}
      </ul>
    </main>
  );
}
