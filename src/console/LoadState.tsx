import { useTranslation } from 'react-i18next';

/** While a page's data loads, or why it could not. */
export function LoadState({ error }: { error: string | null }) {
  const { t } = useTranslation();
  if (error)
    return (
      <p className="error" role="alert" data-error={error}>
        {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
      </p>
    );
  return <p className="console-loading">{t('app.loading')}</p>;
}
