import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { CatalogItem } from '../../../shared/catalog/schema';
import { KioskError } from '../../../shared/contract/errors';
import { useKiosk } from '../../app/kiosk-context';
import { localised } from '../../catalog/catalog-context';
import { useLiveStatus } from '../../readiness/readiness-context';
import { ErrorMessage } from '../../screens/ErrorMessage';
import type { SubmissionReceipt } from '../flow-state';

/**
 * The receipt: tracking number, a QR code of it, what happens next, and "please take your card". The paper
 * receipt prints by itself; offline, both say it was accepted here and goes to the county when the network is back.
 */
export function ReceiptStep({ item, submission, onFinish }: { item: CatalogItem; submission: SubmissionReceipt; onFinish: () => void }) {
  const { t, i18n } = useTranslation('screens');
  const { client } = useKiosk();
  const live = useLiveStatus();
  const [qr, setQr] = useState<string | null>(null);
  const [printed, setPrinted] = useState<'printing' | 'done' | KioskError>('printing');

  useEffect(() => {
    let alive = true;
    // The QR holds the tracking number only: nothing personal leaves on a phone camera.
    QRCode.toDataURL(submission.trackingNumber, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then((url) => alive && setQr(url), () => undefined);
    client.invoke('print.receipt', { submissionId: submission.submissionId, language: i18n.language === 'en' ? 'en' : 'zh-CN' }).then(
      () => alive && setPrinted('done'),
      (e: unknown) => alive && setPrinted(e instanceof KioskError ? e : new KioskError('internal')),
    );
    return () => {
      alive = false;
    };
    // Printed once, in the language the resident had when the receipt appeared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, submission]);

  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t('receipt.title')}</h2>
      <p className="receipt__tracking">
        {t('receipt.trackingNumber')} <strong data-testid="tracking-number">{submission.trackingNumber}</strong>
      </p>
      {qr ? <img className="receipt__qr" src={qr} alt={t('receipt.qrAlt', { tracking: submission.trackingNumber })} /> : null}
      <p>{live.countyOnline ? t('receipt.nextOnline') : t('receipt.nextOffline')}</p>
      {item.guide ? <p>{t('receipt.whatNext', { handledBy: localised(item.guide.handledBy, i18n.language), timeLimit: localised(item.guide.timeLimit, i18n.language) })}</p> : null}
      {printed === 'printing' ? <p role="status">{t('receipt.printing')}</p> : null}
      {printed === 'done' ? <p role="status">{t('receipt.printed')}</p> : null}
      {printed instanceof KioskError ? <ErrorMessage error={printed} /> : null}
      <p className="receipt__card" role="alert">{t('takeCard')}</p>
      <div className="flow__actions">
        <button type="button" className="button button--primary button--big" onClick={onFinish} data-action="finish">
          {t('receipt.finish')}
        </button>
      </div>
    </section>
  );
}
