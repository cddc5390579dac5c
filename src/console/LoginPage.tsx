import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionInfoSchema, type SessionInfo } from '../shared/console/api';
import { ConsoleApiError, consoleCall } from './api';
import { ErrorLine } from './ErrorLine';
import { LanguageSwitch } from './LanguageSwitch';
import { pointClockTime } from '../shared/domain/point-day';

export function LoginPage({ onSignedIn, notice }: { onSignedIn: (info: SessionInfo) => void; notice: string | null }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ConsoleApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const info = await consoleCall('POST', '/login', SessionInfoSchema, { username, password });
      setPassword('');
      onSignedIn(info);
    } catch (e) {
      setError(e instanceof ConsoleApiError ? e : new ConsoleApiError('internal', 0));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const retryAt = error?.retryAt ? pointClockTime(error.retryAt) : '';
  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="login__top">
          <h1 id="login-title">{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        {notice && (
          <p className="notice" role="status" data-notice={notice}>
            {t(`errors.${notice}`)}
          </p>
        )}
        <label htmlFor="login-username">{t('login.username')}</label>
        <input id="login-username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={64} />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required maxLength={200} />
        <ErrorLine error={error?.code ?? null} values={{ time: retryAt }} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
