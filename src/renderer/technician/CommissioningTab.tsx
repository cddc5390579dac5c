import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { criteriaOf, type SiteStandard } from '../../shared/commissioning/site-record';
import { stepDetailText, stepNameText } from '../../shared/commissioning/step-finding';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAction } from './use-action';
import { usePolled } from './use-polled';
import { ActionOutcome } from './ActionOutcome';
import { ActionButton } from './ActionButton';
import { pointDateTime } from '../../shared/domain/point-day';
import { TickBox } from '../screens/TickBox';

type DataAttrs = Record<`data-${string}`, boolean>;

/**
 * The button that records a site record (commissioning, acceptance) once what it needs is ready (the checks have run,
 * a signer is signed in), and the verdict the record was stored with.
 */
function SiteRecordButton({ action, ready, label, recorded, button, outcome }: { action: ReturnType<typeof useAction<[], { passed: boolean }>>; ready: boolean; label: string; recorded: 'commissioning.recorded' | 'commissioning.accepted'; button: DataAttrs; outcome: DataAttrs }) {
  const { t } = useTranslation('technician');
  return (
    <>
      {ready ? (
        <ActionButton action={action} primary {...button}>
          {label}
        </ActionButton>
      ) : null}
      <ActionOutcome action={action} said={(r) => t(recorded, { verdict: t(`commissioning.verdict.${String(r.passed)}`) })} {...outcome} />
    </>
  );
}

/** What a check found, in the technician's language, after its verdict. */
function StepDetail({ step }: { step: Parameters<typeof stepDetailText>[0] }) {
  const { t } = useTranslation('technician');
  const text = stepDetailText(step, (key, options) => t(key, options ?? {}));
  return text ? <span data-commissioning-detail>{t('commissioning.finding.aside', { text })}</span> : null;
}

/** Commissioning (the kiosk's automatic checks, the technician's tick) and acceptance (signed by a township or county account), with the records. */
export function CommissioningTab() {
  const { t, i18n } = useTranslation('technician');
  const { client } = useKiosk();
  const site = usePolled(() => client.invoke('site.info', {}), null, [client]);
  const records = usePolled(() => client.invoke('siteRecords.list', {}), 5000, [client]);
  const check = useAction(() => client.invoke('commissioning.check', {}));
  const [publicity, setPublicity] = useState(false);
  const complete = useAction(async () => {
    const record = await client.invoke('commissioning.complete', { manual: [{ id: 'publicity', passed: publicity }] });
    records.reload();
    return record;
  });
  const standard: SiteStandard = site.value?.level === 'demonstration' ? 'demonstration' : 'basic';
  const [met, setMet] = useState<Record<string, boolean>>({});
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction(async () => {
    const signer = await client.invoke('acceptance.signIn', { username, password });
    setPassword('');
    return signer;
  });
  const sign = useAction(async () => {
    const record = await client.invoke('acceptance.record', { standard, criteria: criteriaOf(standard).map((id) => ({ id, met: met[id] ?? false })) });
    records.reload();
    return record;
  });
  const download = useAction(async (recordId: string) => {
    const file = await client.invoke('siteRecords.file', { recordId, language: i18n.language === 'en' ? 'en' : 'zh-CN' });
    const link = document.createElement('a');
    link.href = `data:${file.mime};base64,${file.base64}`;
    link.download = file.fileName;
    link.click();
    return file.fileName;
  });
  const stepName = (step: Parameters<typeof stepNameText>[0]) => stepNameText(step, (key, options) => t(key, options ?? {}));

  return (
    <section className="technician__commissioning" data-technician-commissioning>
      <h3>{t('commissioning.heading')}</h3>
      <ActionButton action={check} primary data-commissioning-run>
        {check.busy ? t('commissioning.running') : t('commissioning.run')}
      </ActionButton>
      {check.error ? <ErrorMessage error={check.error} /> : null}
      {check.result ? (
        <>
          <ul className="technician__steps" data-commissioning-steps>
            {check.result.steps.map((s) => (
              <li key={s.id} data-commissioning-step={s.id} data-passed={String(s.passed)}>
                {t('common:labelled', { label: stepName(s), value: t(s.passed ? 'commissioning.passed' : 'commissioning.failed') })}
                <StepDetail step={s} />
              </li>
            ))}
          </ul>
          <TickBox ticked={publicity} onChange={setPublicity} data={{ 'data-commissioning-publicity': true }}>
            {t('commissioning.publicityDone')}
          </TickBox>
        </>
      ) : null}
      <SiteRecordButton action={complete} ready={check.result !== null} label={t('commissioning.complete')} recorded="commissioning.recorded" button={{ 'data-commissioning-complete': true }} outcome={{ 'data-commissioning-recorded': true }} />

      <h3>{t('commissioning.acceptanceHeading')}</h3>
      <p>{t(`commissioning.standard.${standard}`)}</p>
      <ul className="technician__criteria">
        {criteriaOf(standard).map((id) => (
          <li key={id}>
            <TickBox ticked={met[id] ?? false} onChange={(ticked) => setMet({ ...met, [id]: ticked })} data={{ 'data-acceptance-criterion': id }}>
              {t(`commissioning.criterion.${id}`)}
            </TickBox>
          </li>
        ))}
      </ul>
      <h4>{t('commissioning.signerHeading')}</h4>
      <label>
        {t('commissioning.username')}
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" data-acceptance-username />
      </label>
      <label>
        {t('commissioning.password')}
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" data-acceptance-password />
      </label>
      <ActionButton action={signIn} blocked={!username || !password} data-acceptance-signin>
        {t('commissioning.signIn')}
      </ActionButton>
      {signIn.error ? <ErrorMessage error={signIn.error} /> : null}
      {signIn.result ? <p data-acceptance-signer>{t('commissioning.signedInAs', { name: signIn.result.name })}</p> : null}
      <SiteRecordButton action={sign} ready={signIn.result !== null} label={t('commissioning.sign')} recorded="commissioning.accepted" button={{ 'data-acceptance-sign': true }} outcome={{ 'data-acceptance-recorded': true }} />

      <h3>{t('commissioning.records')}</h3>
      {records.value && records.value.records.length === 0 ? <p>{t('commissioning.noRecords')}</p> : null}
      <ul className="technician__records">
        {(records.value?.records ?? []).map(({ record, delivered }) => (
          <li key={record.recordId} data-site-record={record.kind} data-delivered={String(delivered)}>
            {t(record.kind === 'commissioning' ? 'commissioning.pdf.commissioningTitle' : 'commissioning.pdf.acceptanceTitle')} · {pointDateTime(record.completedAt)} ·{' '}
            {t(`commissioning.verdict.${String(record.passed)}`)} · {t(delivered ? 'commissioning.delivered' : 'commissioning.pending')}{' '}
            <button type="button" className="button" disabled={download.busy} onClick={() => download.run(record.recordId)} data-site-record-download>
              {t('commissioning.download')}
            </button>
          </li>
        ))}
      </ul>
      {download.error ? <ErrorMessage error={download.error} /> : null}
    </section>
  );
}
