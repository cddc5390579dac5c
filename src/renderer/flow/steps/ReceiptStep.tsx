import { useState } from 'react';
import { useAliveEffect } from '../../hooks/use-alive-effect';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { CatalogItem } from '../../../shared/catalog/schema';
import { useKiosk } from '../../app/kiosk-context';
import { localised } from '../../catalog/catalog-context';
import { pointClockTime, pointDateTime } from '../../../shared/domain/point-day';
import { useLiveStatus } from '../../readiness/readiness-context';
import { PrintJobStatus } from '../../printing/PrintJobStatus';
import { usePrintJob } from '../../printing/use-print-job';
import type { SubmissionReceipt } from '../flow-state';
import { StepForward } from './StepForward';

/** Card operations whose receipt says what happened on the card itself and what waits for the county (CARD-03). */
const CARD_WORDS = new Set(['activate', 'changePin', 'resetPin']);

/**
 * The receipt: tracking number, a QR code of it, what happens next, and "please take your card". The paper
 * receipt prints by itself; offline, both say it was accepted here and goes to the county when the network is back.
 */
export function ReceiptStep({ item, submission, cardOperation, onFinish }: { item: CatalogItem; submission: SubmissionReceipt; cardOperation?: string | undefined; onFinish: () => void }) {
  const { t, i18n } = useTranslation('screens');
  const { client } = useKiosk();
  const live = useLiveStatus();
  const [qr, setQr] = useState<string | null>(null);
  // The paper receipt's job as the printer reports it (print.changed): printing, waiting for paper, done...
  const receiptJob = usePrintJob();

  useAliveEffect((alive) => {
    // The QR holds the tracking number only: nothing personal leaves on a phone camera.
    QRCode.toDataURL(submission.trackingNumber, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then((url) => alive() && setQr(url), () => undefined);
    receiptJob.start(() => client.invoke('print.receipt', { submissionId: submission.submissionId, language: i18n.language === 'en' ? 'en' : 'zh-CN' }));
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
      {item.immediate ? (
        // An item that cannot wait says only what the county confirmed: "blocked" only with the county's time.
        submission.outcome?.blockedAt ? (
          <div className="banner" role="status" data-testid="immediate-answered">
            <p>{t('receipt.immediate.answered', { time: pointClockTime(submission.outcome.blockedAt) })}</p>
            {submission.outcome.blockLiftsAt ? <p data-block-lifts-at={submission.outcome.blockLiftsAt}>{t('receipt.immediate.liftsAt', { time: pointDateTime(submission.outcome.blockLiftsAt) })}</p> : null}
          </div>
        ) : submission.outcome ? (
          <p className="banner" role="status" data-testid="immediate-answered">
            {submission.outcome.steps?.at(-1)?.text[i18n.language === 'en' ? 'en' : 'zh-CN'] ?? t('receipt.immediate.answeredOther')}
          </p>
        ) : (
          <div className="banner banner--warning" role="alert" data-testid="immediate-not-yet">
            <p>{t('receipt.immediate.notYet')}</p>
            <p>{t('receipt.immediate.notYetHotline', { hotline: item.guide?.hotline ?? '12333' })}</p>
          </div>
        )
      ) : cardOperation && CARD_WORDS.has(cardOperation) ? (
        <div className="banner" role="status" data-card-outcome={cardOperation}>
          <p>{t(`receipt.card.${cardOperation}.onCard`)}</p>
          <p>{t(`receipt.card.${cardOperation}.county`)}</p>
        </div>
      ) : (
        <p>{live.countyOnline ? t('receipt.nextOnline') : t('receipt.nextOffline')}</p>
      )}
      {item.guide ? <p>{t('receipt.whatNext', { handledBy: localised(item.guide.handledBy, i18n.language), timeLimit: localised(item.guide.timeLimit, i18n.language) })}</p> : null}
      {/* Waiting for paper or a closed cover is said plainly: the whole receipt prints again once fixed. */}
      <PrintJobStatus view={receiptJob.view} startingText={t('receipt.printing')} doneText={t('receipt.printed')} />
      <p className="receipt__card" role="alert">{t('takeCard')}</p>
      <StepForward action="finish" onClick={onFinish}>
        {t('receipt.finish')}
      </StepForward>
    </section>
  );
}
