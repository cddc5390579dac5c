import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { SessionInfo } from '../shared/console/api';
import { consoleCall } from './api';
import { LanguageSwitch } from './LanguageSwitch';
import { CONSOLE_PAGES, pageFromHash, type PageId } from './pages';

/** The signed-in frame: who and where, the pages, language, sign-out. The page follows the URL's hash. */
export function Shell({ session, onSignedOut }: { session: SessionInfo; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState<PageId>(() => pageFromHash(window.location.hash));
  useEffect(() => {
    const follow = () => setPage(pageFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const current = CONSOLE_PAGES.find((p) => p.id === page)!;
  const scope = session.staff.scope;
  const scopeLabel = scope.kind === 'county' ? t('scope.county') : scope.kind === 'township' ? t('scope.township', { code: scope.township }) : t('scope.points', { count: scope.points.length });

  const signOut = async () => {
    await consoleCall('POST', '/logout', z.object({ ok: z.boolean() })).catch(() => undefined);
    onSignedOut();
  };

  return (
    <div className="shell">
      <header className="shell__header">
        <p className="shell__title">{t('app.title')}</p>
        <p className="shell__who" data-who={session.staff.id}>
          {session.staff.displayName} · {scopeLabel}
        </p>
        <LanguageSwitch />
        <button type="button" className="button" onClick={() => void signOut()} data-action="logout">
          {t('app.signOut')}
        </button>
      </header>
      <nav className="shell__nav" aria-label={t('app.pages')}>
        <ul>
          {CONSOLE_PAGES.map((p) => (
            <li key={p.id}>
              <a href={`#/${p.id}`} aria-current={p.id === page ? 'page' : undefined} data-page-link={p.id}>
                {t(`nav.${p.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell__main" data-page={page}>
        <h1>{t(`nav.${page}`)}</h1>
        <current.Component session={session} />
      </main>
    </div>
  );
}
