import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../shared/catalog/schema';
import { localised } from '../catalog/catalog-context';
import { ReadinessBadge } from '../readiness/ReadinessBadge';
import { useItemReadiness } from '../readiness/use-readiness';

/** One item in a list: its name, one line about it, and whether it can be done right now. */
export function ItemTile({ item, onOpen }: { item: CatalogItem; onOpen: (code: string) => void }) {
  const { i18n } = useTranslation();
  const { readiness, known } = useItemReadiness(item);
  return (
    <li>
      <button type="button" className={`item-tile item-tile--${known ? readiness.state : 'checking'}`} data-item={item.code} onClick={() => onOpen(item.code)}>
        <span className="item-tile__name">{localised(item.name, i18n.language)}</span>
        <span className="item-tile__summary">{localised(item.summary, i18n.language)}</span>
        <ReadinessBadge readiness={readiness} known={known} />
      </button>
    </li>
  );
}
