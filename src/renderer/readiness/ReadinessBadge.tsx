import { useTranslation } from 'react-i18next';
import type { Readiness } from '../../shared/catalog/readiness';

/** Says in words (never colour alone) whether the item can be done now, done now and sent later, or not now and why. */
export function ReadinessBadge({ readiness, known, detailed = false }: { readiness: Readiness; known: boolean; detailed?: boolean }) {
  const { t } = useTranslation(['screens', 'catalog']);
  if (!known) return <span className="badge badge--checking">{t('screens:readiness.checking')}</span>;
  return (
    <span className={`badge badge--${readiness.state}`} data-readiness={readiness.state}>
      {t(`catalog:readiness.${readiness.state}`)}
      {readiness.reasons.length > 0 ? (
        <span className={detailed ? 'badge__reasons badge__reasons--detailed' : 'badge__reasons'}>
          {readiness.reasons.map((r) => (
            <span key={r.messageKey} className="badge__reason" data-reason={r.kind === 'device' ? r.device : r.kind}>
              {t(r.messageKey)}
            </span>
          ))}
        </span>
      ) : null}
    </span>
  );
}
