import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskError } from '../../shared/contract/errors';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';

/** Writes the diagnostics bundle (masked by the core) to a folder the technician names, e.g. a USB stick's. */
export function DiagnosticsExport() {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ file: string; bytes: number } | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const run = () => {
    if (!folder.trim() || busy) return;
    setBusy(true);
    setSaved(null);
    setError(null);
    client.invoke('diagnostics.export', { folder: folder.trim() }).then(
      (r) => {
        setBusy(false);
        setSaved(r);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof KioskError ? e : new KioskError('internal'));
      },
    );
  };
  return (
    <section aria-labelledby="technician-diagnostics-title" data-technician-diagnostics>
      <h3 id="technician-diagnostics-title">{t('diagnostics.title')}</h3>
      <div className="technician__row">
        <div className="field">
          <label className="field__label" htmlFor="technician-diagnostics-folder">
            {t('diagnostics.folder')}
          </label>
          <input id="technician-diagnostics-folder" className="field__input" value={folder} onChange={(e) => setFolder(e.target.value)} autoComplete="off" spellCheck={false} data-diagnostics-folder />
        </div>
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
