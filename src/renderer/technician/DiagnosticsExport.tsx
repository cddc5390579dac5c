import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAction } from './use-action';
import { LabelledField } from '../screens/LabelledField';

/** Writes the diagnostics bundle (masked by the core) to a folder the technician names, e.g. a USB stick's. */
export function DiagnosticsExport() {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const [folder, setFolder] = useState('');
  const exporting = useAction((dir: string) => client.invoke('diagnostics.export', { folder: dir }));
  const run = () => {
    if (folder.trim()) exporting.run(folder.trim());
  };
  const { busy, result: saved, error } = exporting;
  return (
    <section aria-labelledby="technician-diagnostics-title" data-technician-diagnostics>
      <h3 id="technician-diagnostics-title">{t('diagnostics.title')}</h3>
      <div className="technician__row">
        <LabelledField id="technician-diagnostics-folder" label={t('diagnostics.folder')}>
          <input id="technician-diagnostics-folder" className="field__input" value={folder} onChange={(e) => setFolder(e.target.value)} autoComplete="off" spellCheck={false} data-diagnostics-folder />
        </LabelledField>
        <button type="button" className="button button--primary" disabled={busy || !folder.trim()} onClick={run} data-diagnostics-export>
          {busy ? t('diagnostics.exporting') : t('diagnostics.export')}
        </button>
      </div>
      {saved ? (
        <p role="status" data-diagnostics-saved={saved.file}>
          {t('diagnostics.saved', { file: saved.file, kb: Math.max(1, Math.round(saved.bytes / 1024)) })}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
