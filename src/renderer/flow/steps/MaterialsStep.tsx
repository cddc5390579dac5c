import { useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../../shared/catalog/schema';
import type { FormValues } from '../../../shared/catalog/validate-form';
import { DocumentCameraCapture, type CapturedImage } from '../../camera';
import { localised } from '../../catalog/catalog-context';
import { revokeTrackedUrl, trackedObjectUrl } from '../../privacy/wipe';
import type { CapturedPage, FlowAction } from '../flow-state';
import { visibleMaterials } from '../plan';
import { StepForward } from './StepForward';

/**
 * The materials: one block per paper the item asks for, each with its pages as thumbnails (retake = remove and
 * capture again). The live preview and capture are the document camera's component (src/renderer/camera); the pages stay in the
 * flow's state until submission.
 */
export function MaterialsStep({
  item,
  values,
  attachments,
  dispatch,
  onNext,
}: {
  item: CatalogItem;
  values: FormValues;
  attachments: CapturedPage[];
  dispatch: Dispatch<FlowAction>;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation('screens');
  const L = (text: { 'zh-CN': string; en: string }) => localised(text, i18n.language);
  const materials = visibleMaterials(item, values);
  const [active, setActive] = useState<string | null>(materials[0]?.code ?? null);
  const [tried, setTried] = useState(false);
  const pagesOf = (code: string) => attachments.filter((p) => p.materialCode === code);
  const missing = materials.filter((m) => m.required && pagesOf(m.code).length === 0);

  const add = (materialCode: string, image: CapturedImage) => {
    dispatch({ type: 'addPage', page: { materialCode, mime: image.mime, dataBase64: image.dataBase64, previewUrl: trackedObjectUrl(image.blob) } });
  };
  const remove = (page: CapturedPage) => {
    revokeTrackedUrl(page.previewUrl);
    dispatch({ type: 'removePage', previewUrl: page.previewUrl });
  };

  return (
    <section className="materials" aria-labelledby="materials-title">
      <h2 id="materials-title">{t('materials.title')}</h2>
      <div className="materials__layout">
        <ul className="materials__list">
          {materials.map((m) => {
            const pages = pagesOf(m.code);
            const full = pages.length >= m.maxPages;
            return (
              <li key={m.code} className={`materials__item${m.code === active ? ' materials__item--active' : ''}`} data-material={m.code}>
                <h3>
                  {L(m.name)} <span className="materials__need">{m.required ? t('materials.required') : t('materials.optional')}</span>
                </h3>
                {m.note ? <p>{L(m.note)}</p> : null}
                <p role="status">{t('materials.pagesTaken', { count: pages.length, max: m.maxPages })}</p>
                <ul className="materials__pages">
                  {pages.map((p, i) => (
                    <li key={p.previewUrl}>
                      <img className="materials__thumb" src={p.previewUrl} alt={t('materials.pageAlt', { material: L(m.name), n: i + 1 })} data-page={i + 1} />
                      <button type="button" className="button" onClick={() => remove(p)} data-action="retake">
                        {t('materials.retake')}
                      </button>
                    </li>
                  ))}
                </ul>
                {m.code === active ? (
                  <DocumentCameraCapture disabled={full} label={t('materials.capture')} onCapture={(image) => add(m.code, image)} />
                ) : (
                  <button type="button" className="button" onClick={() => setActive(m.code)} data-action="choose-material">
                    {t('materials.photographThis')}
                  </button>
                )}
                {tried && m.required && pages.length === 0 ? (
                  <p className="field__problem" role="alert">
                    {t('materials.missing')}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
      <StepForward
        action="next"
        onClick={() => {
          setTried(true);
          if (missing.length === 0) onNext();
          else setActive(missing[0]!.code);
        }}
      >
        {t('flow.next')}
      </StepForward>
    </section>
  );
}
