import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../catalog/catalog-context';
import { CatalogSearchIndex } from '../../shared/catalog/search';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import { useInstruction } from '../speech/instruction-context';
import { ItemTile } from './ItemTile';

/** Search by item name or pinyin initials, typed on the on-screen keyboard. */
export function SearchScreen({ onOpenItem }: { onOpenItem: (code: string) => void }) {
  const { t } = useTranslation('screens');
  const catalog = useCatalog();
  const [query, setQuery] = useState('');
  useInstruction(t('search.instruction'));
  const index = useMemo(() => new CatalogSearchIndex(catalog.items), [catalog.items]);
  const found = useMemo(() => {
    const byCode = new Map(catalog.items.map((i) => [i.code, i]));
    return index.search(query).flatMap((hit) => byCode.get(hit.code) ?? []);
  }, [index, catalog.items, query]);
  return (
    <main className="search-screen">
      <h1>{t('search.heading')}</h1>
      <label className="field">
        <span className="field__label">{t('search.label')}</span>
        <input className="field__input" value={query} readOnly inputMode="none" data-testid="search-input" />
      </label>
      <OnScreenKeyboard mode="chinese" value={query} onChange={setQuery} maxLength={20} startChinese={false} />
      {query.trim() ? (
        <p role="status">{found.length > 0 ? t('search.found', { count: found.length }) : t('search.none')}</p>
      ) : null}
      <ul className="item-list" aria-label={t('search.results')}>
        {found.map((item) => (
          <ItemTile key={item.code} item={item} onOpen={onOpenItem} />
        ))}
      </ul>
    </main>
  );
}
