import type { z } from 'zod';
import { noParams, type NoParams } from './method-shapes';

/**
 * Who may call a method.
 * - public: anyone holding the carrier's launch token (the kiosk screen itself), no session needed
 * - resident: an identified resident session is active (a logged-in clerk helping counts too)
 * - clerk: a staff member with the clerk role is logged in on this connection
 * - technician: a technician is logged in (or unlocked with the technician PIN) on this connection
 */
export type Access = 'public' | 'resident' | 'clerk' | 'technician';

/** A method as the carriers, the dispatcher and the docs see it. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** The caller needs at least one of these. */
  readonly access: readonly Access[];
  readonly summary: string;
}

/** A method as its domain file writes it: its schemas sit behind a function (see `defineMethod`). */
export interface MethodDefinition<I extends z.ZodType, O extends z.ZodType> {
  readonly summary: string;
  readonly access: readonly Access[];
  readonly schemas: () => { readonly input: I; readonly output: O };
}

/** A method that takes no parameters names only its answer; its input is `noParams` (an empty object, nothing else). */
export interface NoParamsMethodDefinition<O extends z.ZodType> {
  readonly summary: string;
  readonly access: readonly Access[];
  readonly schemas: () => { readonly output: O };
}

/** Calls `build` the first time the answer is asked for, and keeps it. */
function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/**
 * Importing the contract builds no schema: a method's schemas are built the first time it is called, checked or
 * documented, then kept. The screen's start-up uses a handful of the contract's methods, and building all of
 * them up front was a measurable part of it (docs/architecture.md, "Start-up").
 */
export function defineMethod<I extends z.ZodType, O extends z.ZodType>(definition: MethodDefinition<I, O>): MethodSpec<I, O>;
export function defineMethod<O extends z.ZodType>(definition: NoParamsMethodDefinition<O>): MethodSpec<NoParams, O>;
export function defineMethod(definition: MethodDefinition<z.ZodType, z.ZodType> | NoParamsMethodDefinition<z.ZodType>): MethodSpec {
  const schemas = once(() => {
    const built: { readonly input?: z.ZodType; readonly output: z.ZodType } = definition.schemas();
    return { input: built.input ?? noParams(), output: built.output };
  });
  return {
    summary: definition.summary,
    access: definition.access,
    get input() {
      return schemas().input;
    },
    get output() {
      return schemas().output;
    },
  };
}

export interface EventSpec<D extends z.ZodType = z.ZodType> {
  readonly data: D;
  readonly summary: string;
}

/** An event's payload schema, built the first time an event of its kind is checked (as `defineMethod`). */
export function defineEvent<D extends z.ZodType>(definition: { readonly summary: string; readonly schema: () => D }): EventSpec<D> {
  const schema = once(definition.schema);
  return {
    summary: definition.summary,
    get data() {
      return schema();
    },
  };
}
