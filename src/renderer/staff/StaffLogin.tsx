import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useKioskError } from '../hooks/use-kiosk-error';
import { useStaff } from './staff-context';
import { LabelledField } from '../screens/LabelledField';

type FieldName = 'username' | 'password';

/**
 * Account and password on the on-screen keyboard (a physical keyboard works too). The password lives only in this
 * dialog's state: closing it, or a successful login, unmounts it.
 */
export function StaffLogin({ onClose, standalone = false }: { onClose: () => void; standalone?: boolean }) {
  const { t, i18n } = useTranslation('staff');
  const { login } = useStaff();
  const [values, setValues] = useState<Record<FieldName, string>>({ username: '', password: '' });
  const [active, setActive] = useState<FieldName>('username');
  const [sending, setSending] = useState(false);
  const { error, fail, clear } = useKioskError();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (field: FieldName, value: string) => setValues((v) => ({ ...v, [field]: value.slice(0, field === 'username' ? 64 : 200) }));
  const submit = () => {
    if (!values.username.trim() || !values.password || sending) return;
    setSending(true);
    clear();
    login(values.username.trim(), values.password).then(
      () => onClose(),
      (err: unknown) => {
        setSending(false);
        setValues((v) => ({ ...v, password: '' }));
        setActive('password');
        fail(err);
      },
    );
  };
  const lockedFor = error?.code === 'invalid_credentials' ? Number(error.details?.lockedForSeconds ?? 0) : 0;

  const field = (name: FieldName) => (
    <LabelledField id={`staff-${name}`} label={t(`login.${name === 'username' ? 'account' : 'password'}`)}>
      <input
        ref={name === 'username' ? first : undefined}
        id={`staff-${name}`}
        className={`field__input${active === name ? ' field__input--active' : ''}`}
        type={name === 'password' ? 'password' : 'text'}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        inputMode="none"
        value={values[name]}
        data-staff-field={name}
        onFocus={() => setActive(name)}
        onClick={() => setActive(name)}
        onChange={(e) => set(name, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit();
        }}
      />
    </LabelledField>
  );

  return (
    <div className={standalone ? 'staff-login--standalone' : 'overlay'}>
      {/* Not a <form>: the on-screen keyboard's keys are buttons, and inside a form each one would submit it. */}
      <div className="dialog staff-login" role="dialog" aria-modal="true" aria-labelledby="staff-login-title" data-staff-login>
        <h2 id="staff-login-title">{t('login.title')}</h2>
        {field('username')}
        {field('password')}
        {lockedFor > 0 ? (
          <p className="error-message" role="alert" data-error="locked">
            {t('login.locked', { seconds: lockedFor })}
          </p>
        ) : error ? (
          <ErrorMessage error={error} />
        ) : null}
        <OnScreenKeyboard mode="latin" value={values[active]} onChange={(v) => set(active, v)} maxLength={active === 'username' ? 64 : 200} />
        <div className="dialog__actions">
          <button type="button" onClick={submit} className="button button--primary" disabled={sending || !values.username.trim() || !values.password} data-staff-submit>
            {sending ? t('login.sending') : t('login.submit')}
          </button>
          {standalone ? null : (
            <button type="button" className="button" onClick={onClose}>
              {t('login.cancel')}
            </button>
          )}
          <button type="button" className="button" lang={i18n.language === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => void i18n.changeLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('common:language.switch')}
          </button>
        </div>
      </div>
    </div>
  );
}
