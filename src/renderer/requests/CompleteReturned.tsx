import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from '../../shared/contract/methods/applications';
import type { KioskError } from '../../shared/contract/errors';
import type { Language } from '../../shared/locales';
import { useKiosk } from '../app/kiosk-context';
import { DocumentCameraCapture, type CapturedImage } from '../camera';
import { useCatalog } from '../catalog/catalog-context';
import { asKioskError } from '../hooks/use-kiosk-error';
import { revokeTrackedUrl, trackedObjectUrl } from '../privacy/wipe';
import { ErrorMessage } from '../screens/ErrorMessage';

interface Page {
  materialCode: string;
  mime: CapturedImage['mime'];
  dataBase64: string;
  previewUrl: string;
}

/**
 * A returned application completed at the point (issue 11 item 2): the resident photographs each material the county
 * asked for, and it goes again as the same application (same tracking number) with the next sync. Nothing else of the
 * application changes; the pages live only here until sent.
 */
export function CompleteReturned({ request, onSent, onCancel }: { request: SubmissionStatus; onSent: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation('requests');
  const { client } = useKiosk();
  const { items } = useCatalog();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;
  const item = items.find((i) => i.code === request.itemCode);
  const asked = (request.outcome?.missing?.materials ?? []).map((code) => ({ code, material: item?.materials.find((m) => m.code === code) }));
  const [pages, setPages] = useState<Page[]>([]);
  const [active, setActive] = useState<string | null>(asked[0]?.code ?? null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  // The pages' preview URLs go when this closes (sent or cancelled).
  useEffect(() => () => setPages((all) => (all.forEach((p) => revokeTrackedUrl(p.previewUrl)), [])), []);

  const pagesOf = (code: string) => pages.filter((p) => p.materialCode === code);
  const add = (materialCode: string, image: CapturedImage) =>
    setPages((all) => [...all, { materialCode, mime: image.mime, dataBase64: image.dataBase64, previewUrl: trackedObjectUrl(image.blob) }]);
  const remove = (page: Page) => {
    revokeTrackedUrl(page.previewUrl);
    setPages((all) => all.filter((p) => p !== page));
  };
  const ready = asked.every((a) => pagesOf(a.code).length > 0);
  const send = () => {
    setSending(true);
    setError(null);
    client
      .invoke('applications.resend', { submissionId: request.submissionId, attachments: pages.map(({ materialCode, mime, dataBase64 }) => ({ materialCode, mime, dataBase64 })) })
      .then(onSent, (e: unknown) => {
        setSending(false);
        setError(asKioskError(e));
      });
  };

  return (
    <section className="materials" aria-labelledby="complete-title" data-complete-returned={request.trackingNumber}>
      <h2 id="complete-title">{t('complete.title', { item: item?.name[lang] ?? request.itemCode })}</h2>
      {request.outcome?.missing ? <p>{request.outcome.missing.text[lang]}</p> : null}
      <ul className="materials__list">
        {asked.map(({ code, material }) => {
          const taken = pagesOf(code);
          const full = taken.length >= (material?.maxPages ?? 1);
          return (
            <li key={code} className={`materials__item${code === active ? ' materials__item--active' : ''}`} data-material={code}>
              <h3>{material?.name[lang] ?? code}</h3>
              <p role="status">{t('complete.pagesTaken', { count: taken.length })}</p>
              <ul className="materials__pages">
                {taken.map((p, i) => (
                  <li key={p.previewUrl}>
                    <img className="materials__thumb" src={p.previewUrl} alt={t('complete.pageAlt', { material: material?.name[lang] ?? code, n: i + 1 })} data-page={i + 1} />
                    <button type="button" className="button" onClick={() => remove(p)} data-action="retake">
                      {t('complete.retake')}
                    </button>
                  </li>
                ))}
              </ul>
              {code === active ? (
                <DocumentCameraCapture disabled={full} label={t('complete.capture')} onCapture={(image) => add(code, image)} />
              ) : (
                <button type="button" className="button" onClick={() => setActive(code)} data-action="choose-material">
                  {t('complete.photographThis')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="flow__actions">
        <button type="button" className="button button--big" onClick={onCancel} disabled={sending} data-action="complete-cancel">
          {t('complete.cancel')}
        </button>
        <button type="button" className="button button--primary button--big" onClick={send} disabled={!ready || sending} data-action="resend">
          {t('complete.send')}
        </button>
      </div>
    </section>
  );
}
