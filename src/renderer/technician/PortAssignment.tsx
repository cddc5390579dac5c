import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { useAction } from './use-action';
import { usePolled } from './use-polled';
import { LabelledField } from '../screens/LabelledField';
import { ActionOutcome } from './ActionOutcome';

const BAUDS = [115200, 57600, 38400, 19200, 9600] as const;

/** Moves a serial device to another port: saved to the site config (previous kept) and reopened at once. */
export function PortAssignment({ deviceId, onSaved }: { deviceId: string; onSaved: () => void }) {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const ports = usePolled(() => client.invoke('devices.ports', {}), null, [client]);
  const [path, setPath] = useState('');
  const [baud, setBaud] = useState<number>(115200);
  const serial = ports.value?.ports.filter((p) => p.type === 'serial') ?? [];

  const assigning = useAction(async (portPath: string, baudRate: number) => {
    const r = await client.invoke('devices.assign', { deviceId, transport: { type: 'serial', path: portPath, baudRate } });
    onSaved();
    return r;
  });
  const { busy: saving } = assigning;
  const save = () => {
    if (path.trim()) assigning.run(path.trim(), baud);
  };

  return (
    <section className="technician__assign" aria-labelledby="technician-assign-title" data-technician-assign>
      <h4 id="technician-assign-title">{t('assign.title')}</h4>
      <div className="technician__row">
        <LabelledField id="technician-port" label={t('assign.port')}>
          <input id="technician-port" className="field__input" list="technician-port-list" value={path} onChange={(e) => setPath(e.target.value)} data-assign-path autoComplete="off" spellCheck={false} />
          <datalist id="technician-port-list">
            {serial.map((p) => (
              <option key={p.path} value={p.path}>
                {[p.manufacturer, p.product].filter(Boolean).join(' ')}
              </option>
            ))}
          </datalist>
        </LabelledField>
        <LabelledField id="technician-baud" label={t('assign.baud')}>
          <select id="technician-baud" className="field__input" value={baud} onChange={(e) => setBaud(Number(e.target.value))} data-assign-baud>
            {BAUDS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </LabelledField>
        <button type="button" className="button button--primary" disabled={saving || !path.trim()} onClick={save} data-assign-save>
          {saving ? t('assign.saving') : t('assign.save')}
        </button>
      </div>
      <ActionOutcome
        action={assigning}
        said={(done) => `${t('assign.saved', { file: done.savedTo })}${done.previousKeptAt ? ` ${t('assign.previous', { file: done.previousKeptAt })}` : ''}`}
        data-assign-saved
      />
    </section>
  );
}
