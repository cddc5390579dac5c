import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionInfoSchema, type SessionInfo } from '../shared/console/api';
import { ConsoleApiError, consoleCall, errorCode, onSessionEnded, setCsrfToken } from './api';
import { LoginPage } from './LoginPage';
import { Shell } from './Shell';
import { useIdleCheck } from './use-idle-check';

/** Signed in or not: asks the gateway once at start, then follows sign-in, sign-out and expiry. */
export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionInfo | null | 'checking'>('checking');
  const [notice, setNotice] = useState<string | null>(null);

  const signedIn = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setNotice(null);
    setSession(info);
  }, []);

  useEffect(() => {
    onSessionEnded((code) => {
      setCsrfToken('');
      setSession(null);
      setNotice(code === 'session_expired' ? code : null);
    });
    consoleCall('GET', '/session', SessionInfoSchema)
      .then(signedIn)
      .catch((error: unknown) => {
        if (!(error instanceof ConsoleApiError && error.status === 401)) setNotice(errorCode(error));
        setSession(null);
      });
  }, [signedIn]);

  useIdleCheck(session !== null && session !== 'checking' ? session.idleSeconds : null);

  if (session === 'checking') return <p className="console-loading">{t('app.loading')}</p>;
  if (session === null) return <LoginPage onSignedIn={signedIn} notice={notice} />;
  return (
    <Shell
      session={session}
      onSignedOut={() => {
        setCsrfToken('');
        setSession(null);
      }}
    />
  );
}
