import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../shared/contract';
import type { DeviceKind } from '../../shared/domain/devices';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { CameraFrameCheck } from './CameraFrameCheck';
import { FrameLogView } from './FrameLogView';
import { PortAssignment } from './PortAssignment';
import { useKioskError } from '../hooks/use-kiosk-error';
import { usePolled } from './use-polled';
import { transportWords } from './transport-words';
import { pointDateTime } from '../../shared/domain/point-day';

/** Kinds on a serial line: the ones a technician can move to another port. */
const SERIAL_KINDS: ReadonlySet<DeviceKind> = new Set(['idCardReader', 'socialSecurityCardReader', 'receiptPrinter', 'faceCamera']);

type SelfTest = MethodResult<'devices.selfTest'>;
type DeviceTest = MethodResult<'devices.test'>;

/** One device: state, connection, model, counters, last error, self-test, its own test, live frames, port. */
export function DevicePanel({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation(['technician', 'card-readers', 'printers', 'cameras', 'errors']);
  const { client } = useKiosk();
  const detail = usePolled(() => client.invoke('devices.detail', { deviceId }), 2000, [client, deviceId]);
  const [selfTest, setSelfTest] = useState<SelfTest | 'running' | null>(null);
  const [test, setTest] = useState<DeviceTest | 'running' | null>(null);
  const { error, fail, clear } = useKioskError();
  const say = (key: string | undefined) => (key ? t(key, { defaultValue: key }) : '');

  const runSelfTest = () => {
    setSelfTest('running');
    clear();
    client.invoke('devices.selfTest', { deviceId }).then((r) => {
      setSelfTest(r);
      detail.reload();
    }, (e: unknown) => {
      setSelfTest(null);
      fail(e);
    });
  };
  const runTest = () => {
    setTest('running');
    clear();
    client.invoke('devices.test', { deviceId }).then(setTest, (e: unknown) => {
      setTest(null);
      fail(e);
    });
  };

  const d = detail.value;
  if (!d) return detail.error ? <ErrorMessage error={detail.error} /> : null;
  const { status, counters } = d;
  const identity = counters.lastSelfTest?.steps.filter((s) => s.detail && s.name !== 'port').map((s) => s.detail) ?? [];
  return (
    <section className="technician__device-panel" aria-labelledby="technician-device-title" data-technician-panel={deviceId}>
      <h3 id="technician-device-title">
        {t(`kind.${status.kind}`)} · {deviceId}
      </h3>
      <dl className="technician__facts">
        <dt>{t('device.since')}</dt>
        <dd data-fact="state">
          {t(`state.${status.state}`)} · {pointDateTime(status.since)}
          {status.detailKey ? ` · ${say(status.detailKey)}` : ''}
        </dd>
        <dt>{t('device.transport')}</dt>
        <dd data-fact="transport">{transportWords(t, d.transport)}</dd>
        <dt>{t('device.model')}</dt>
        <dd>{d.model ?? t('device.noModel')}</dd>
        <dt>{t('device.identity')}</dt>
        <dd data-fact="identity">{identity.length ? identity.join(' · ') : '—'}</dd>
        <dt>{t('device.counters')}</dt>
        <dd data-fact="counters">
          {t('device.statusChanges', { count: counters.statusChanges })} · {t('device.faults', { count: counters.faults })} ·{' '}
          {t('device.selfTests', { count: counters.selfTests, failed: counters.selfTestsFailed })}
        </dd>
        <dt>{t('device.lastError')}</dt>
        <dd data-fact="lastError">
          {counters.lastError ? `${t(`state.${counters.lastError.state}`)} · ${pointDateTime(counters.lastError.at)} · ${say(counters.lastError.detailKey)}` : t('device.noError')}
        </dd>
      </dl>

      <div className="technician__row">
        <button type="button" className="button button--primary" disabled={selfTest === 'running'} onClick={runSelfTest} data-technician-selftest>
          {selfTest === 'running' ? t('selfTest.running') : t('selfTest.run')}
        </button>
        <button type="button" className="button" disabled={test === 'running'} onClick={runTest} data-technician-test>
          {test === 'running' ? t('test.running') : t(`test.run.${status.kind}`)}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {selfTest && selfTest !== 'running' ? (
        <div role="status" data-selftest-result={selfTest.ok ? 'passed' : 'failed'}>
          <p className="technician__verdict">{selfTest.ok ? t('selfTest.passed') : t('selfTest.failed')}</p>
          <ul>
            {selfTest.steps.map((s) => (
              <li key={s.name} data-step={s.name} data-ok={s.ok}>
                {t('common:labelled', { label: t(`selfTest.step.${s.name}`, { defaultValue: s.name }), value: s.ok ? t('selfTest.stepOk') : t('selfTest.stepFailed') })}
                {s.detailKey ? ` · ${say(s.detailKey)}` : ''}
                {/* The port step's detail is the driver's own description of the line: the connection is said in words instead. */}
                {s.name === 'port' ? ` · ${transportWords(t, d.transport)}` : s.detail ? ` · ${s.detail}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {test && test !== 'running' ? (
        <div role="status" data-test-result={test.ok ? 'passed' : 'failed'}>
          <p className="technician__verdict">{test.ok ? t('test.passed') : t('test.failed', { reason: t(`errors:${test.errorCode ?? 'device_error'}.title`) })}</p>
          <dl className="technician__facts">
            {test.lines.map((line, i) => (
              <div key={`${line.key}-${i}`} className="technician__fact">
                <dt>{t(line.key)}</dt>
                <dd data-test-line={line.key}>{line.valueKey ? t(line.valueKey) : line.key === 'test.light' ? t(`test.lightValue.${line.value}`) : line.key === 'test.cardType' ? t(`test.cardTypes.${line.value}`, { defaultValue: line.value }) : line.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}

      {status.kind === 'documentCamera' ? <CameraFrameCheck /> : null}
      <FrameLogView deviceId={deviceId} />
      {SERIAL_KINDS.has(status.kind) ? <PortAssignment deviceId={deviceId} onSaved={detail.reload} /> : <p>{t('assign.serialOnly')}</p>}
    </section>
  );
}
