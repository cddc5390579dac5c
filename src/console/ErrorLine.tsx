import { useTranslation } from 'react-i18next';

/** Why something failed, in words (console:errors.<code>), announced to screen readers; nothing when all is well. */
export function ErrorLine({ error, values }: { error: string | null; values?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error" role="alert" data-error={error}>
      {t(`errors.${error}`, { defaultValue: t('errors.internal'), ...values })}
    </p>
  );
}
