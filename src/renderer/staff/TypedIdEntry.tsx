import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateField } from '../../shared/catalog/validate-form';
import type { ResidentSummary } from '../../shared/domain/identity';
import { TYPED_ID_REASONS, type TypedIdReason } from '../../shared/domain/typed-id-reason';
import { useKiosk } from '../app/kiosk-context';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import { ChoiceGroup } from '../screens/ChoiceGroup';

/**
 * A logged-in clerk identifies the resident by typing the ID number (GB 11643 check as typed) and choosing why the
 * card was not read. Shown only where the item's identity rule allows a typed number.
 */
export function TypedIdEntry({ onIdentified, onError }: { onIdentified: (resident: ResidentSummary) => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation(['screens', 'staff']);
  const { client } = useKiosk();
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState<TypedIdReason | null>(null);
  const problem = typed ? validateField({ kind: 'idNumber', name: 'idNumber', label: { 'zh-CN': '-', en: '-' }, required: true }, typed) : null;
  const submit = () => {
    if (!reason) return;
    client.invoke('session.identifyTyped', { idNumber: typed, reason }).then(onIdentified, onError);
  };
  return (
    <div className="identify__typed" data-typed-id>
      <label className="field">
        <span className="field__label">{t('identify.typedLabel')}</span>
        <input className="field__input" value={typed} readOnly inputMode="none" data-field="typedIdNumber" />
      </label>
      {problem ? <span className="field__problem">{t(problem.messageKey)}</span> : null}
      <OnScreenKeyboard mode="idNumber" value={typed} onChange={setTyped} maxLength={18} />
      <ChoiceGroup id="typed-reason-label" label={t('staff:typedId.reasonLabel')} values={TYPED_ID_REASONS} selected={reason} onSelect={setReason} labelOf={(r) => t(`staff:typedId.reasons.${r}`)} dataAttr="data-typed-reason" />
      <button type="button" className="button button--primary" disabled={typed.length !== 18 || problem !== null || reason === null} onClick={submit} data-typed-submit>
        {t('identify.typedSubmit')}
      </button>
    </div>
  );
}
