import { useTranslation } from 'react-i18next';
import { ErrorLine } from './ErrorLine';

/** While a page's data loads, or why it could not. */
export function LoadState({ error }: { error: string | null }) {
  const { t } = useTranslation();
  if (error) return <ErrorLine error={error} />;
  return <p className="console-loading">{t('app.loading')}</p>;
}
