import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { useAction } from './use-action';
import { LabelledField } from '../screens/LabelledField';
import { ActionOutcome } from './ActionOutcome';

/** Writes the diagnostics bundle (masked by the core) to a folder the technician names, e.g. a USB stick's. */
export function DiagnosticsExport() {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const [folder, setFolder] = useState('');
  const exporting = useAction((dir: string) => client.invoke('diagnostics.export', { folder: dir }));
  const run = () => {
    if (folder.trim()) exporting.run(folder.trim());
  };
  const { busy, result: saved } = exporting;
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
      <ActionOutcome action={exporting} said={(done) => t('diagnostics.saved', { file: done.file, kb: Math.max(1, Math.round(done.bytes / 1024)) })} data-diagnostics-saved={saved?.file} />
    </section>
  );
}
