import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskError } from '../../shared/contract/errors';
import { PROXY_RELATIONS, type ProxyRelation, type ProxySummary } from '../../shared/domain/proxy';
import { useKiosk } from '../app/kiosk-context';
import { DocumentCameraCapture } from '../camera';
import { PinPad } from '../keyboard/PinPad';
import { asKioskError } from '../hooks/use-kiosk-error';
import { ChoiceGroup } from '../screens/ChoiceGroup';
import { ErrorMessage } from '../screens/ErrorMessage';

/**
 * 代理办, after the resident is identified: the agent's relation, the agent's own ID card on the reader, and the
 * resident's consent (a signed slip photographed on the document camera, or the resident's social security card and
 * PIN). The core keeps all of it with the visit; only masked values come back here.
 */
export function ProxyPanel({ itemCode, onDone, onCancel }: { itemCode: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('staff');
  const { client } = useKiosk();
  const [relation, setRelation] = useState<ProxyRelation | null>(null);
  const [proxy, setProxy] = useState<ProxySummary | null>(null);
  const [way, setWay] = useState<'signedSlip' | 'cardAndPin' | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const fail = (e: unknown) => {
    setBusy(false);
    setError(asKioskError(e));
  };

  const readAgent = () => {
    if (!relation) return;
    setBusy(true);
    setError(null);
    client.invoke('proxy.begin', { itemCode, relation }).then((summary) => {
      setBusy(false);
      setProxy(summary);
    }, fail);
  };

  const consent = (params: { kind: 'signedSlip'; mime: 'image/jpeg'; imageBase64: string } | { kind: 'cardAndPin'; pin: string }) => {
    setBusy(true);
    setError(null);
    setNote(null);
    client.invoke('proxy.consent', params).then((answer) => {
      setBusy(false);
      if (answer.outcome === 'ok') onDone();
      else if (answer.outcome === 'pinWrong') setNote(t('proxy.pinWrong', { count: answer.triesLeft }));
      else setNote(t('proxy.pinBlocked'));
    }, fail);
  };

  const cancel = () => {
    void client.invoke('proxy.cancel', {}).catch(() => undefined);
    onCancel();
  };

  return (
    <section className="proxy-panel" aria-labelledby="proxy-title" data-proxy-panel={proxy ? 'consent' : 'agent'}>
      <h3 id="proxy-title">{t('proxy.title')}</h3>
      {!proxy ? (
        <>
          <ChoiceGroup id="proxy-relation-label" label={t('proxy.relationLabel')} values={PROXY_RELATIONS} selected={relation} onSelect={setRelation} labelOf={(r) => t(`proxy.relations.${r}`)} dataAttr="data-proxy-relation" />
          <p>{t('proxy.agentCard')}</p>
          <button type="button" className="button button--primary" disabled={!relation || busy} onClick={readAgent} data-proxy-read-agent>
            {t('proxy.readAgent')}
          </button>
        </>
      ) : (
        <>
          <p role="status" data-proxy-agent>
            {t('proxy.agentIs', { name: proxy.agentMaskedName, idNumber: proxy.agentMaskedIdNumber, relation: t(`proxy.relations.${proxy.relation}`) })}
          </p>
          <p id="proxy-consent-label" className="field__label">
            {t('proxy.consentLabel')}
          </p>
          <div className="choices" role="radiogroup" aria-labelledby="proxy-consent-label">
            {(['signedSlip', 'cardAndPin'] as const).map((w) => (
              <button key={w} type="button" role="radio" aria-checked={way === w} className="button choice" data-proxy-consent={w} onClick={() => setWay(w)}>
                {t(`proxy.consents.${w}`)}
              </button>
            ))}
          </div>
          {way === 'signedSlip' ? (
            <DocumentCameraCapture label={t('proxy.captureSlip')} disabled={busy} onCapture={(image) => consent({ kind: 'signedSlip', mime: image.mime, imageBase64: image.dataBase64 })} />
          ) : null}
          {way === 'cardAndPin' ? (
            <div data-proxy-pin>
              <p>{t('proxy.insertResidentCard')}</p>
              <PinPad label={t('proxy.pinLabel')} value={pin} onChange={setPin} />
              <button type="button" className="button button--primary" disabled={pin.length !== 6 || busy} onClick={() => consent({ kind: 'cardAndPin', pin })} data-proxy-pin-submit>
                {t('proxy.confirmPin')}
              </button>
            </div>
          ) : null}
        </>
      )}
      {note ? (
        <p className="field__problem" role="alert">
          {note}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <button type="button" className="button" onClick={cancel} data-proxy-cancel>
        {t('proxy.cancel')}
      </button>
    </section>
  );
}
