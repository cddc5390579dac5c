import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../../shared/catalog/schema';
import { visibleFields } from '../../../shared/catalog/validate-form';
import { faceCheckNeeded } from '../../../shared/catalog/risk-class';
import { useKiosk } from '../../app/kiosk-context';
import { localised } from '../../catalog/catalog-context';
import { revokeTrackedUrl } from '../../privacy/wipe';
import { ErrorMessage } from '../../screens/ErrorMessage';
import type { FlowState, SubmissionReceipt } from '../flow-state';
import { useKioskError } from '../../hooks/use-kiosk-error';
import { visibleMaterials } from '../plan';
import { StepForward } from './StepForward';

/** What will be sent, in plain words, and the one "submit" button. */
export function ReviewStep({ item, state, onSubmitted }: { item: CatalogItem; state: FlowState; onSubmitted: (s: SubmissionReceipt) => void }) {
  const { t, i18n } = useTranslation('screens');
  const { client } = useKiosk();
  const [sending, setSending] = useState(false);
  const { error, fail, clear } = useKioskError();
  const L = (text: { 'zh-CN': string; en: string }) => localised(text, i18n.language);
  const fields = visibleFields(item, state.values);

  const shown = (name: string): string => {
    const field = fields.find((f) => f.name === name)!;
    const value = state.values[name];
    if (value === undefined || value === null || value === '') return t('review.empty');
    if (field.kind === 'choice') return L(field.options.find((o) => o.value === value)?.label ?? { 'zh-CN': String(value), en: String(value) });
    if (field.kind === 'confirm') return value === true ? t('review.confirmed') : t('review.notConfirmed');
    return String(value);
  };

  const submit = () => {
    setSending(true);
    clear();
    const form: Record<string, string | number | boolean | null> = {};
    for (const f of fields) {
      const v = state.values[f.name];
      form[f.name] = v === undefined ? null : v;
    }
    // The core stamps the channel and operator from this connection's staff login.
    client
      .invoke('applications.submit', {
        itemCode: item.code,
        form,
        attachments: state.attachments.map((p) => ({ materialCode: p.materialCode, mime: p.mime, dataBase64: p.dataBase64 })),
        ...(state.face ? { face: state.face } : {}),
      })
      .then(
        (receipt) => {
          for (const p of state.attachments) revokeTrackedUrl(p.previewUrl);
          onSubmitted(receipt);
        },
        (e: unknown) => {
          setSending(false);
          fail(e);
        },
      );
  };

  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      {fields.length > 0 ? (
        <dl className="review__values">
          {fields.map((f) => (
            <div key={f.name}>
              <dt>{L(f.label)}</dt>
              <dd data-review={f.name}>{shown(f.name)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {visibleMaterials(item, state.values).length > 0 ? (
        <ul className="review__materials">
          {visibleMaterials(item, state.values).map((m) => (
            <li key={m.code}>{t('review.pages', { material: L(m.name), count: state.attachments.filter((p) => p.materialCode === m.code).length })}</li>
          ))}
        </ul>
      ) : null}
      {faceCheckNeeded(item, state.values) ? <p>{state.face ? t('review.faceDone') : t('review.faceMissing')}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <StepForward action="submit" onClick={submit} disabled={sending}>
        {sending ? t('review.sending') : t('review.submit')}
      </StepForward>
    </section>
  );
}
