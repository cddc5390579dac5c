import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountListSchema, AccountSchema, PointListSchema, type Account, type Point, type Scope, type StaffRole } from '../../shared/console/api';
import { consoleCall, errorCode } from '../api';
import { DataTable } from '../DataTable';
import { ErrorLine } from '../ErrorLine';
import { LoadState } from '../LoadState';
import { useConsoleData } from '../use-console-data';
import type { PageProps } from '.';
import { ChoiceSelect } from '../ChoiceSelect';

/** The scopes a manager can hand out: its townships whole, or one point (the county admin also the county). */
function scopeChoices(points: Point[], county: boolean): Array<{ key: string; scope: Scope }> {
  const townships = [...new Set(points.map((p) => p.township))];
  return [
    ...(county ? [{ key: 'county', scope: { kind: 'county' } as Scope }] : []),
    ...townships.map((t) => ({ key: `t:${t}`, scope: { kind: 'township', township: t } as Scope })),
    ...points.map((p) => ({ key: `p:${p.divisionCode}`, scope: { kind: 'points', points: [p.divisionCode] } as Scope })),
  ];
}

/** The staff register (台账): who may sign in where; create, disable, reset password. Kiosks follow at their next sync. */
export function AccountsPage({ session }: PageProps) {
  const { t, i18n } = useTranslation();
  const accounts = useConsoleData('/accounts', AccountListSchema);
  const points = useConsoleData('/points', PointListSchema);
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  if (!accounts.data || !points.data) return <LoadState error={accounts.error ?? points.error} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const isCounty = session.staff.scope.kind === 'county';
  const choices = scopeChoices(points.data.points, isCounty);
  const pointName = (code: string) => points.data!.points.find((p) => p.divisionCode === code)?.name[lang] ?? code;
  const scopeText = (s: Scope) => (s.kind === 'county' ? t('scope.county') : s.kind === 'township' ? t('scope.township', { code: s.township }) : s.points.map(pointName).join('、'));
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await work();
      await accounts.reload();
      return true;
    } catch (e) {
      setError(errorCode(e));
      return false;
    }
  };
  const mine = (a: Account) => a.id === session.staff.id;

  return (
    <>
      <p className="page-summary">{t('accounts.intro')}</p>
      <CreateAccount choices={choices} scopeText={scopeText} roles={isCounty ? ['clerk', 'technician', 'township', 'countyAdmin'] : ['clerk', 'technician']} onCreate={(body) => run(() => consoleCall('POST', '/accounts', AccountSchema, body))} />
      <ErrorLine error={error} />
      <DataTable<Account>
        caption={t('accounts.caption')}
        rows={accounts.data.accounts}
        rowKey={(a) => a.username}
        rowState={(a) => (a.disabled ? 'warn' : undefined)}
        columns={[
          { key: 'username', label: t('accounts.username'), value: (a) => a.username },
          { key: 'name', label: t('accounts.displayName'), value: (a) => a.displayName },
          { key: 'roles', label: t('accounts.roles'), value: (a) => a.roles.map((r) => t(`accounts.roleNames.${r}`)).join('、') },
          { key: 'scope', label: t('accounts.scope'), value: (a) => scopeText(a.scope) },
          { key: 'state', label: t('accounts.state'), value: (a) => (a.disabled ? t('accounts.disabled') : a.lockedUntil && Date.parse(a.lockedUntil) > Date.now() ? t('accounts.locked') : t('accounts.active')) },
          {
            key: 'actions',
            label: t('accounts.actions'),
            value: () => null,
            render: (a) =>
              mine(a) ? (
                t('accounts.yourself')
              ) : (
                <div className="actions">
                  <button type="button" className="button" data-account-action={a.disabled ? 'enable' : 'disable'} aria-label={t(a.disabled ? 'accounts.enableOf' : 'accounts.disableOf', { name: a.displayName })} onClick={() => void run(() => consoleCall('POST', `/accounts/${a.id}/${a.disabled ? 'enable' : 'disable'}`, AccountSchema))}>
                    {t(a.disabled ? 'accounts.enable' : 'accounts.disable')}
                  </button>
                  <button type="button" className="button" data-account-action="reset" aria-label={t('accounts.resetOf', { name: a.displayName })} onClick={() => setResetting(a)}>
                    {t('accounts.reset')}
                  </button>
                </div>
              ),
          },
        ]}
      />
      {resetting && (
        <ResetPassword
          key={resetting.id}
          account={resetting}
          onDone={() => setResetting(null)}
          onReset={(password) => run(() => consoleCall('POST', `/accounts/${resetting.id}/password`, AccountSchema, { password })).then((ok) => ok && setResetting(null))}
        />
      )}
    </>
  );
}

function CreateAccount({
  choices,
  roles,
  scopeText,
  onCreate,
}: {
  choices: Array<{ key: string; scope: Scope }>;
  roles: StaffRole[];
  scopeText: (s: Scope) => string;
  onCreate: (body: { username: string; displayName: string; roles: StaffRole[]; scope: Scope; password: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>(roles[0]!);
  const [scopeKey, setScopeKey] = useState(choices[0]?.key ?? '');
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scope = choices.find((c) => c.key === scopeKey)?.scope;
    if (!scope) return;
    const created = await onCreate({ username: username.trim(), displayName: displayName.trim(), roles: [role], scope, password });
    setPassword('');
    if (created) {
      setUsername('');
      setDisplayName('');
    }
  };
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('accounts.create')} data-form="create-account">
      <label>
        {t('accounts.username')}
        <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} required pattern="[a-z][a-z0-9._\-]{1,31}" title={t('accounts.usernameRule')} autoComplete="off" />
      </label>
      <label>
        {t('accounts.displayName')}
        <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={60} />
      </label>
      <label>
        {t('accounts.roles')}
        <ChoiceSelect name="role" values={roles} value={role} onChoose={setRole} labelOf={(r) => t(`accounts.roleNames.${r}`)} />
      </label>
      <label>
        {t('accounts.scope')}
        <select name="scope" value={scopeKey} onChange={(e) => setScopeKey(e.target.value)}>
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {scopeText(c.scope)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('accounts.initialPassword')}
        <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={10} maxLength={200} autoComplete="new-password" />
      </label>
      <button type="submit" className="button button--primary">
        {t('accounts.create')}
      </button>
    </form>
  );
}

function ResetPassword({ account, onReset, onDone }: { account: Account; onReset: (password: string) => Promise<unknown>; onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
    <form
      className="detail"
      aria-label={t('accounts.resetOf', { name: account.displayName })}
      data-form="reset-password"
      onSubmit={(e) => {
        e.preventDefault();
        void onReset(password);
      }}
    >
      <h2>{t('accounts.resetOf', { name: account.displayName })}</h2>
      <label htmlFor="reset-password">{t('accounts.newPassword')}</label>
      <input id="reset-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={10} maxLength={200} autoComplete="new-password" />
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('accounts.reset')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('accounts.cancel')}
        </button>
      </div>
    </form>
  );
}
