import type { z } from 'zod';

/**
 * Who may call a method.
 * - public: anyone holding the carrier's launch token (the kiosk screen itself), no session needed
 * - resident: an identified resident session is active (a logged-in clerk helping counts too)
 * - clerk: a staff member with the clerk role is logged in on this connection
 * - technician: a technician is logged in (or unlocked with the technician PIN) on this connection
 */
export type Access = 'public' | 'resident' | 'clerk' | 'technician';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** The caller needs at least one of these. */
  readonly access: readonly Access[];
  readonly summary: string;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

export interface EventSpec<D extends z.ZodType = z.ZodType> {
  readonly data: D;
  readonly summary: string;
}

export function defineEvent<D extends z.ZodType>(spec: EventSpec<D>): EventSpec<D> {
  return spec;
}
