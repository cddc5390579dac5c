import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { StaffViewSchema } from '../../shared/contract/methods/staff';
import { useKiosk } from '../app/kiosk-context';

export type StaffView = z.infer<typeof StaffViewSchema>;
/** Why a login ended without the clerk pressing "log out": the screen says so once. */
export type StaffEndReason = 'expired' | 'disabled' | 'connection';

export interface StaffContextValue {
  /** The clerk or technician logged in on this screen, or null. */
  staff: StaffView | null;
  ended: StaffEndReason | null;
  /** Resolves with the login, or rejects with the core's KioskError (invalid_credentials...). */
  login(username: string, password: string): Promise<StaffView>;
  logout(): void;
  dismissEnded(): void;
  /** The login dialog is open (the hidden corner was held). */
  loginOpen: boolean;
  setLoginOpen(open: boolean): void;
  /** The clerk's workspace is shown instead of the kiosk screens (which stay mounted underneath). */
  workspaceOpen: boolean;
  setWorkspaceOpen(open: boolean): void;
}

const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff outside StaffProvider');
  return value;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown'] as const;

/**
 * The staff login of this screen. The core holds the login on the screen's connection; this mirrors it, ends it
 * after the site's inactivity minutes, and drops it when the core says the county disabled the account (next config
 * round) or when the connection was lost (a new connection has no login). `onEnd` lets the app wipe the visit.
 */
export function StaffProvider({ children, connected, onEnd }: { children: ReactNode; connected: boolean; onEnd: () => void }) {
  const { client, site } = useKiosk();
  const [staff, setStaff] = useState<StaffView | null>(null);
  const [ended, setEnded] = useState<StaffEndReason | null>(null);
  const [loginOpen, setLoginOpen] = useState(false);
  const [workspaceOpen, setWorkspaceOpen] = useState(false);
  const staffRef = useRef<StaffView | null>(null);
  staffRef.current = staff;
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  const drop = useCallback((reason: StaffEndReason | null) => {
    if (!staffRef.current) return;
    staffRef.current = null;
    setStaff(null);
    setWorkspaceOpen(false);
    setEnded(reason);
    onEndRef.current();
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const view = await client.invoke('staff.login', { username, password });
      setEnded(null);
      setStaff(view);
      return view;
    },
    [client],
  );

  const logout = useCallback(() => {
    client.invoke('staff.logout', {}).catch(() => undefined);
    drop(null);
  }, [client, drop]);

  // The core ended the login (county disabled the account, or its own expiry): confirm with staff.me, then drop.
  useEffect(
    () =>
      client.on('staff.changed', (data) => {
        if (data.staffId !== staffRef.current?.id) return;
        client.invoke('staff.me', {}).then(
          (me) => {
            if (!me.staff) drop(data.reason);
          },
          () => drop(data.reason),
        );
      }),
    [client, drop],
  );

  // A dropped socket comes back as a new connection, which has no login: say so rather than pretend.
  useEffect(() => {
    if (connected || !staffRef.current) return;
    drop('connection');
  }, [connected, drop]);

  // Inactivity: any touch or key restarts the clock; when it runs out the login ends as if "log out" was pressed.
  useEffect(() => {
    if (!staff) return;
    const limitMs = site.staffIdleMinutes * 60_000;
    let timer = window.setTimeout(expire, limitMs);
    function expire() {
      client.invoke('staff.logout', {}).catch(() => undefined);
      drop('expired');
    }
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(expire, limitMs);
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, restart, true);
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, restart, true);
    };
  }, [client, drop, site.staffIdleMinutes, staff]);

  const value = useMemo<StaffContextValue>(
    () => ({ staff, ended, login, logout, dismissEnded: () => setEnded(null), loginOpen, setLoginOpen, workspaceOpen: workspaceOpen && staff !== null, setWorkspaceOpen }),
    [staff, ended, login, logout, loginOpen, workspaceOpen],
  );
  return <StaffContext.Provider value={value}>{children}</StaffContext.Provider>;
}
