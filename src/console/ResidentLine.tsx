import { useTranslation } from 'react-i18next';
import type { RevealedResident } from './use-desk-case';

/** A case's resident, masked; a county account may ask for the name and number in full (the gateway audits it). */
export function ResidentLine({ label, masked, resident, mayReveal, onReveal }: { label: string; masked: string; resident: RevealedResident | null; mayReveal: boolean; onReveal: () => void }) {
  const { t } = useTranslation();
  return (
    <p>
      {t('common:labelled', { label, value: resident ? `${resident.name} ${resident.idNumber}` : masked })}{' '}
      {mayReveal && !resident && (
        <button type="button" className="button button--small" onClick={onReveal} data-action="reveal">
          {t('cases.reveal')}
        </button>
      )}
    </p>
  );
}
