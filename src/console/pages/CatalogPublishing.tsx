import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CatalogPreviewSchema, CatalogPublishingStateSchema, type CatalogPreview, type CatalogVersion } from '../../shared/console/catalog-publishing';
import { ConsoleApiError, consoleCall, consoleDownload } from '../api';
import { ErrorLine } from '../ErrorLine';
import { formatTime } from '../format';
import { LoadState } from '../LoadState';
import { useConsoleData } from '../use-console-data';
import { PublishingHistory } from '../PublishingHistory';
import { ColumnHeads } from '../ColumnHeads';
import { FileChooser } from '../FileChooser';

const Published = z.object({ version: z.number() });

/**
 * The catalogue (county admins): download the one in force, load an edited file, preview what it changes for the
 * kiosks, publish it, and roll back to any earlier version in one click. Townships see which version is in force.
 */
export function CatalogPublishing() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { data, error: loadError, reload } = useConsoleData('/publishing/catalog', CatalogPublishingStateSchema);
  const [candidate, setCandidate] = useState<unknown>(null);
  const [preview, setPreview] = useState<CatalogPreview | null>(null);
  const [error, setError] = useState<{ code: string; field?: string } | null>(null);
  if (!data) return <LoadState error={loadError} />;

  const fail = (e: unknown) => setError(e instanceof ConsoleApiError ? { code: e.code, ...(e.field ? { field: e.field } : {}) } : { code: 'internal' });
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    setError(null);
    setPreview(null);
    setCandidate(null);
    const file = event.target.files?.[0];
    if (!file) return;
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setError({ code: 'invalid_json' });
      return;
    }
    try {
      setPreview(await consoleCall('POST', '/publishing/catalog/preview', CatalogPreviewSchema, { catalog: body }));
      setCandidate(body);
    } catch (e) {
      fail(e);
    }
  };
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setPreview(null);
      setCandidate(null);
      await reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <>
      <p data-catalog-current={data.current?.version ?? 'shipped'}>
        {data.current ? t('publishing.catalogCurrent', { version: data.current.version, items: data.current.itemCount, at: formatTime(data.current.publishedAt) }) : t('publishing.catalogShipped')}
      </p>
      {data.mayPublish ? (
        <div className="form-grid">
          <button type="button" className="button" onClick={() => void consoleDownload('/publishing/catalog/in-force', 'catalog.json').catch(fail)}>
            {t('publishing.catalogDownload')}
          </button>
          <FileChooser name="catalogFile" accept="application/json,.json" label={t('publishing.catalogLoad')} onChange={(e) => void load(e)} />
        </div>
      ) : (
        <p>{t('publishing.catalogCountyPublishes')}</p>
      )}
      {error && (error.field ? <p className="error" role="alert" data-error="invalid_body" data-field={error.field}>{t('publishing.catalogBad', { field: error.field })}</p> : <ErrorLine error={error.code} />)}
      {preview && (
        <div className="detail" data-catalog-preview>
          <h3>{t('publishing.catalogPreview', { from: preview.fromVersion, items: preview.itemCount })}</h3>
          {preview.settings.length > 0 && (
            <table>
              <caption>{t('publishing.catalogSettings')}</caption>
              <ColumnHeads labels={[t('publishing.catalogSetting'), t('publishing.catalogFrom'), t('publishing.catalogTo'), t('publishing.catalogSetOn')]} />
              <tbody>
                {preview.settings.map((s) => (
                  <tr key={`${s.key}.${s.code ?? ''}`} data-setting={s.code ? `${s.key}.${s.code}` : s.key}>
                    <td>{t(`publishing.settingNames.${s.key}`, { defaultValue: s.key, code: s.code })}</td>
                    <td>{s.from[lang]}</td>
                    <td>{s.to[lang]}</td>
                    <td>{s.setOn ?? t('publishing.catalogNotSet')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(['added', 'removed', 'changed'] as const).map((kind) => (
            <div key={kind} data-catalog-diff={kind}>
              <h4>{t(`publishing.catalogDiff.${kind}`, { count: preview[kind].length })}</h4>
              <ul>
                {preview[kind].map((item) => (
                  <li key={item.code} data-code={item.code}>
                    {item.code} {item.name[lang]}
                    {'fields' in item ? ` (${(item.fields as string[]).join(', ')})` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <button type="button" className="button button--primary" data-publish-catalog onClick={() => void act(() => consoleCall('PUT', '/publishing/catalog', Published, { catalog: candidate }))}>
            {t('publishing.publish')}
          </button>
        </div>
      )}
      <PublishingHistory<CatalogVersion>
        history={data.history}
        extra={[{ key: 'configVersion', label: t('publishing.catalogVersion'), value: (v) => v.configVersion }]}
        describe={(v) => t('publishing.catalogItems', { count: v.itemCount })}
        mayRollBack={data.mayPublish}
        onRollBack={(seq) => void act(() => consoleCall('POST', '/publishing/catalog/rollback', Published, { seq }))}
        rollbackAttr="data-catalog-rollback"
      />
    </>
  );
}
