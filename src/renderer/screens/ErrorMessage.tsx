import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../shared/contract/errors';

/** A failure in words: what happened, the particular reason when the core names one, and what to do next. */
export function ErrorMessage({ error, hotline }: { error: KioskError; hotline?: string }) {
  const { t } = useTranslation('errors');
  return (
    <div className="error-message" role="alert" data-error={error.code}>
      <p className="error-message__title">{t(`${error.code}.title`)}</p>
      {typeof error.details?.messageKey === 'string' ? <p data-error-reason="true">{t(error.details.messageKey)}</p> : null}
      <p>{t(`${error.code}.action`, { hotline: hotline ?? '' })}</p>
    </div>
  );
}
